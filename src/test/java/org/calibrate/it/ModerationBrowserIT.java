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

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation end to end in Debian's headless Chromium through the demo LMS: two teachers score by keyboard, the
 * department head opens the discrepancy view, records a consensus on a discrepant piece, keeps an agreed piece as an
 * exemplar with its annotation, finalises, and the grades appear in the demo gradebook; a second round on the same
 * task then offers the exemplar for its calibration set. Screenshots go to {@code target/screenshots/moderation-*.png}.
 */
@ExtendWith(CalibrateServer.class)
class ModerationBrowserIT {
    private static final String HEAD = "demo-dh-01";
    private static final String OKAFOR = "demo-t-01";
    private static final String GOLDBERG = "demo-t-03";
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
    void twoTeachersScoreTheHeadModeratesKeepsAnExemplarAndReturnsGrades() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        String title = "Moderated round " + System.nanoTime();
        String round = f.createRound(title, f.shippedRubric("ny-short-response-2-point"));
        f.addScorer(round, OKAFOR, "Period 9");
        f.addScorer(round, GOLDBERG, "Period 9");
        f.addDemoPieces(round);
        f.allocate(round);
        f.move(round, "scoring").expect(200);

        // Okafor gives 2 throughout; Goldberg 0 on her first piece, 1 on her second, 2 on the rest.
        scoreByKeyboard(OKAFOR, title, n -> 2);
        scoreByKeyboard(GOLDBERG, title, n -> n == 1 ? 0 : n == 2 ? 1 : 2);

        browser.launchAs(HEAD);
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + title + "']]//a[@data-open-setup]")).click();
        browser.clickable(By.id("tab-overview")).click();
        browser.clickable(By.id("phase-next")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-phase"), "Moderation"));
        browser.clickable(By.id("tab-chart")).click();
        browser.visible(By.id("chart-table"));
        browser.frameShot("moderation-chart");

        // The discrepancy view: two discrepant pieces (2 apart first), ten agreed at score point 2.
        browser.clickable(By.id("tab-moderation")).click();
        WebElement counts = browser.visible(By.id("moderation-counts"));
        assertTrue(counts.getText().contains("10 agreed") && counts.getText().contains("2 discrepant"), counts.getText());
        List<WebElement> discrepant = browser.driver.findElements(By.cssSelector("section[aria-labelledby='discrepant-heading'] [data-moderation-piece]"));
        assertEquals(2, discrepant.size());
        assertTrue(discrepant.get(0).getText().contains("2 apart"), discrepant.get(0).getText());
        String widest = discrepant.get(0).getAttribute("data-moderation-piece");
        String adjacent = discrepant.get(1).getAttribute("data-moderation-piece");
        browser.frameShot("moderation-discrepancy-view");

        // The widest first: beside both scores and the rubric's words, the group settles on 1 with a rationale.
        discrepant.get(0).click();
        WebElement panel = browser.visible(By.cssSelector("[data-piece='" + widest + "']"));
        assertTrue(panel.getText().contains("Scorer A") && panel.getText().contains("Scorer B"), panel.getText());
        assertTrue(panel.getText().contains("Rachel Goldberg"), "moderators see who scored: " + panel.getText());
        browser.clickable(By.id("resolve-response-1")).click();
        browser.driver.findElement(By.id("resolve-rationale")).sendKeys("One reason with a detail from the text: a 1, as the anchor shows.");
        scroll("piece-heading");
        browser.frameShot("moderation-piece");
        browser.driver.findElement(By.id("resolve-save")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("piece-state"), "Decided by moderators"));
        assertTrue(browser.driver.findElement(By.id("piece-final")).getText().contains("1"));

        // The adjacent one goes the same way, by the API, so the round can be finalised.
        f.api.put("/api/rounds/" + round + "/moderation/pieces/" + adjacent + "/resolution",
                "{\"levels\":{\"response\":2},\"rationale\":\"Both reasons are there.\"}", f.token(HEAD)).expect(200);

        // An agreed piece becomes an exemplar, with the annotation of why it earns a 2.
        browser.clickable(By.id("tab-moderation")).click();
        WebElement agreedChip = browser.clickable(By.cssSelector("section[aria-labelledby='agreed-heading'] [data-moderation-piece]"));
        String exemplarCode = agreedChip.getAttribute("data-moderation-piece");
        agreedChip.click();
        browser.visible(By.cssSelector("[data-piece='" + exemplarCode + "']"));
        browser.clickable(By.cssSelector("#keep-exemplar summary")).click();
        browser.visible(By.id("exemplar-annotation")).sendKeys("Two reasons, each with a detail from the text: a clear 2.");
        browser.driver.findElement(By.id("exemplar-task")).sendKeys("Courage short response");
        browser.driver.findElement(By.id("exemplar-save")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("piece-message"), "Kept in the exemplar library"));

        // Finalise: every piece has its final score; the grades go to the gradebook.
        browser.clickable(By.id("tab-final")).click();
        browser.visible(By.id("final-ready"));
        java.time.Instant finalisedAt = java.time.Instant.now().minusSeconds(2);
        browser.clickable(By.id("final-submit")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-phase"), "Finalised"));
        browser.upTo(60).until(d -> d.findElements(By.cssSelector("#final-grades tr[data-grade-state='sent']")).size() == 12);
        scroll("final-done");
        browser.frameShot("moderation-finalised");

        // The demo gradebook shows the grades: the consensus 1 as half marks, the rest full.
        browser.driver.switchTo().defaultContent();
        browser.clickable(By.id("gradebook-refresh")).click();
        browser.upTo(30).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("td[data-gradebook-user]")).stream().filter(td -> !td.getText().equals("–")).count() >= 12);
        browser.intoFrame();
        java.util.Map<String, Double> expected = new java.util.HashMap<>();
        f.api.get("/api/rounds/" + round + "/final", f.token(HEAD)).expect(200).json().getJsonArray("grades").getValuesAs(JsonObject.class)
                .forEach(g -> expected.put(g.getString("user_id"), g.getJsonNumber("score_given").doubleValue() / g.getJsonNumber("score_maximum").doubleValue()));
        assertEquals(12, expected.size());
        assertTrue(expected.containsValue(0.5), "the consensus 1 of 2 is half marks: " + expected);
        assertEquals(java.util.Map.of(), ModerationIT.awaitGradebook(f.api, expected, finalisedAt, java.time.Duration.ofSeconds(60)));

        // A second round on the same task and rubric starts its calibration set from the exemplar, on its set-up page.
        String nextTitle = title + " (next year)";
        String next = f.createRound(nextTitle, f.shippedRubric("ny-short-response-2-point"));
        browser.launchAs(HEAD);
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + nextTitle + "']]//a[@data-open-setup]")).click();
        browser.clickable(By.id("tab-calibration")).click();
        WebElement offer = browser.visible(By.id("library-offer"));
        assertTrue(offer.getText().contains("Two reasons, each with a detail from the text: a clear 2."), offer.getText());
        assertFalse(offer.getText().contains("demo-s-"));
        browser.clickable(By.cssSelector("#library-offer [data-offer] input[type=checkbox]")).click();
        browser.driver.findElement(By.id("library-offer-add")).click();
        browser.upTo(30).ignoring(StaleElementReferenceException.class).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("calibration-items"), "Two reasons, each with a detail from the text"));
        scroll("library-offer");
        browser.frameShot("moderation-next-round-calibration");
    }

    private static WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    private static void type(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** The teacher scores their whole queue by keyboard: the level's digit, Enter to submit and move on. */
    private static void scoreByKeyboard(String teacher, String title, java.util.function.IntUnaryOperator level) {
        browser.launchAs(teacher);
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + title + "']]//a[@data-open-score]")).sendKeys(Keys.ENTER);
        browser.visible(By.id("score-form"));
        Set<String> codes = new HashSet<>();
        while (browser.driver.findElements(By.id("queue-done")).isEmpty()) {
            assertTrue(codes.size() < 13, "the queue ends");
            String code = browser.visible(By.id("piece-code")).getText();
            assertTrue(codes.add(code), "each piece comes once: " + code);
            browser.upTo(10).until(d -> "radio".equals(focused().getAttribute("type")));
            type(String.valueOf(level.applyAsInt(codes.size())));
            type(Keys.ENTER);
            browser.upTo(30).ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(By.id("queue-done")).isEmpty()
                    || !d.findElement(By.id("piece-code")).getText().equals(code));
        }
        assertEquals(12, codes.size());
    }

    static void scroll(String id) {
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
