package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exemplar library in Debian's headless Chromium through the demo LMS: an exemplar kept in moderation shows
 * as a card under its task and rubric with its note and anonymity state; its anchor set is refused while the
 * anonymity is unconfirmed, with the exemplar named; the department head opens it, confirms its anonymity with
 * the keyboard alone, and a save over someone else's change is reported, not written. A later round on the same
 * rubric is offered the exemplar for its calibration set. Screenshots go to {@code target/screenshots/exemplars-*.png}.
 */
@ExtendWith(CalibrateServer.class)
class ExemplarLibraryBrowserIT {
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(CalibrateServer.get().url(), 1500, 1100);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void headReadsAnExemplarConfirmsItsAnonymityByKeyboardAndTheNextRoundIsOfferedIt() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        String head = f.token(RoundFixture.HEAD);
        String round = ModerationIT.scoredRound(f, "Library round " + System.nanoTime());
        f.move(round, "moderation").expect(200);
        String base = "/api/rounds/" + round + "/moderation";
        JsonObject view = f.api.get(base, head).expect(200).json();
        String code = view.getJsonArray("agreed").getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("pieces").getValuesAs(JsonObject.class).stream()).map(p -> p.getString("code"))
                .findFirst().orElseThrow();
        String task = "Courage essay " + System.nanoTime();
        String note = "Names both texts and backs each with a detail: a clear 2.";
        String exemplar = f.api.post(base + "/pieces/" + code + "/exemplars", "{\"score_point\":2,\"annotation\":" + Api.q(note)
                + ",\"task\":" + Api.q(task) + "}", head).expect(201).json().getString("id");
        JsonObject kept = f.api.get("/api/exemplars/" + exemplar, head).expect(200).json();
        String rubric = kept.getString("rubric_id");

        browser.launchAs(RoundFixture.HEAD);
        browser.clickable(By.cssSelector("[data-nav='exemplars']")).sendKeys(Keys.ENTER);
        String policy = browser.visible(By.id("exemplars-policy")).getText();
        assertTrue(policy.contains("Consent policy: opt-out") && policy.contains("5 years (P5Y)"), policy);

        // The card: under its task and rubric, titled by score point and criterion, with its note and anonymity state.
        WebElement card = browser.visible(By.cssSelector("article[data-exemplar='" + exemplar + "']"));
        assertEquals("Score point 2 — Whole piece", card.findElement(By.tagName("h5")).getText().trim());
        String cardText = card.getText();
        assertTrue(cardText.contains(code) && cardText.contains(note) && cardText.contains("Why it earns its score"), cardText);
        assertEquals("Not yet confirmed", card.findElement(By.cssSelector("[data-anonymity]")).getText().trim());
        WebElement group = card.findElement(By.xpath("ancestor::div[contains(@class,'exemplar-task')]"));
        assertEquals("Task: " + task, group.findElement(By.tagName("h3")).getText().trim());

        // Filters go to the server; with a rubric chosen the anchor set is offered, and refused while unchecked.
        new Select(browser.driver.findElement(By.id("exemplars-task"))).selectByValue(task);
        new Select(browser.driver.findElement(By.id("exemplars-rubric"))).selectByValue(rubric);
        new Select(browser.driver.findElement(By.id("exemplars-criterion"))).selectByValue("whole:");
        browser.driver.findElement(By.id("exemplars-apply")).click();
        browser.upTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("exemplars-count"), "1 exemplar shown."));
        browser.clickable(By.id("exemplars-export-html")).click();
        WebElement refusal = browser.visible(By.id("exemplars-export-message"));
        browser.upTo(20).until(ExpectedConditions.textToBePresentInElement(refusal, "Check the anonymity of every exemplar"));
        assertEquals("alert", refusal.getAttribute("role"));
        assertTrue(refusal.findElement(By.cssSelector(".message-list")).getText().contains(code), refusal.getText());
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('exemplars-export-message').scrollIntoView()");
        browser.frameShot("exemplars-list");

        // Keyboard only from here: Enter opens the exemplar, focus lands on its heading, Tab reaches the check, Enter confirms.
        browser.clickable(By.cssSelector("[data-read='" + exemplar + "']")).sendKeys(Keys.ENTER);
        browser.upTo(20).ignoring(StaleElementReferenceException.class).until(d -> "exemplar-detail-heading".equals(focused().getAttribute("id")));
        String shown = browser.driver.findElement(By.id("exemplar-text")).getText();
        assertEquals(kept.getString("text").replaceAll("\\s+", " ").strip(), shown.replaceAll("\\s+", " ").strip(), "the full text");
        assertTrue(browser.driver.findElement(By.id("exemplar-anonymity-help")).getText()
                .contains("names, places, or anything that identifies a student or a teacher"));
        for (int tabs = 0; !"exemplar-confirm".equals(focused().getAttribute("id")); tabs++) {
            assertTrue(tabs < 20, "Confirm anonymity is reachable by Tab");
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        browser.upTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("exemplar-check-message"), "Anonymity confirmed"));
        assertEquals("Anonymity confirmed", browser.driver.findElement(By.cssSelector("#exemplar-anonymity-state [data-anonymity]")).getText().trim());
        assertEquals("exemplar-anonymity-heading", focused().getAttribute("id"), "focus stays where the button was");
        browser.frameShot("exemplars-library");
        JsonObject checked = f.api.get("/api/exemplars/" + exemplar, head).expect(200).json();
        assertTrue(checked.getBoolean("anonymity_checked"));

        // Someone else shortens its keeping meanwhile: the page's save is refused, and it then shows their version.
        String sooner = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        f.api.put("/api/exemplars/" + exemplar, "{\"lock_version\":" + checked.getJsonNumber("lock_version") + ",\"keep_until\":"
                + Api.q(sooner) + "}", head).expect(200);
        WebElement annotation = browser.driver.findElement(By.id("exemplar-annotation"));
        annotation.sendKeys(" Overwrite attempt.");
        browser.driver.findElement(By.id("exemplar-save")).click();
        browser.upTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("exemplar-edit-message"),
                "someone else changed this exemplar meanwhile"));
        assertEquals(sooner, browser.driver.findElement(By.id("exemplar-keep-until")).getAttribute("value"));
        assertEquals(note, browser.driver.findElement(By.id("exemplar-annotation")).getAttribute("value"));
        assertEquals(note, f.api.get("/api/exemplars/" + exemplar, head).expect(200).json().getString("annotation"), "nothing overwritten");

        // Back to the library: focus returns to the exemplar's Read button.
        browser.driver.findElement(By.id("exemplar-back")).sendKeys(Keys.ENTER);
        browser.upTo(20).ignoring(StaleElementReferenceException.class).until(d -> exemplar.equals(focused().getAttribute("data-read")));

        // A round next year on the same rubric version is offered the exemplar for its calibration set.
        String next = f.createRound("Library round, next year " + System.nanoTime(), rubric);
        List<JsonObject> offered = f.api.get("/api/rounds/" + next + "/calibration/exemplars", head).expect(200).json()
                .getJsonArray("exemplars").getValuesAs(JsonObject.class);
        JsonObject offer = offered.stream().filter(o -> o.getString("id").equals(exemplar)).findFirst().orElseThrow(() -> new AssertionError(offered));
        assertEquals(code, offer.getString("piece_code"));
        assertEquals(2, offer.getInt("score_point"));
        assertEquals(note, offer.getString("annotation"));
        assertFalse(offer.getString("excerpt").isBlank());

        // The offer as the calibration tab will show it: the component alone, in the app's page, ticked and added by keyboard.
        Object loaded = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const [roundId, done] = arguments;
                document.addEventListener("calibrate-calibration-changed", (e) => { window.calibrationChanged = e.detail.added; });
                import("/app/library-offer.js").then(() => {
                  const offer = document.createElement("calibrate-library-offer");
                  offer.roundId = roundId;
                  offer.phase = "setup";
                  document.getElementById("main").append(offer);
                  done(true);
                }).catch((e) => done(String(e)));""", next);
        assertEquals(Boolean.TRUE, loaded);
        WebElement box = browser.visible(By.id("offer-" + exemplar));
        String label = browser.driver.findElement(By.cssSelector("label[for='offer-" + exemplar + "']")).getText();
        assertTrue(label.contains(task) && label.contains("Score point 2 — whole piece") && label.contains(code), label);
        box.sendKeys(Keys.SPACE);
        browser.upTo(10).until(d -> box.isSelected());
        browser.driver.findElement(By.id("library-offer-add")).sendKeys(Keys.ENTER);
        browser.upTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("library-offer-message"), "1 added"));
        assertEquals(1L, ((JavascriptExecutor) browser.driver).executeScript("return window.calibrationChanged"), "the change bubbles to the page");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('library-offer').scrollIntoView()");
        browser.frameShot("exemplars-offer");
        assertTrue(f.api.get("/api/rounds/" + next + "/calibration/results", head).expect(200).body().contains(note), "a practice piece now");

        // Once scoring starts the set stays as scorers were calibrated on it: the button says why it does nothing.
        ((JavascriptExecutor) browser.driver).executeScript("document.querySelector('calibrate-library-offer').phase = 'scoring'");
        WebElement closed = browser.visible(By.id("library-offer-closed"));
        assertTrue(closed.getText().contains("setup or calibration"), closed.getText());
        assertEquals("true", browser.driver.findElement(By.id("library-offer-add")).getAttribute("aria-disabled"));
    }

    private static WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }
}
