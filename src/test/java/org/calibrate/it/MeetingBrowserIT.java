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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The moderation meeting on a shared screen, in Debian's headless Chromium through the demo LMS, by keyboard
 * alone: the department head opens {@code #rounds/<id>/meeting} on a scored round, confirms an agreed piece,
 * records a consensus on a discrepant one (Tab to the levels, arrow keys, the rationale, Enter on Save), lets
 * the scorers see one another, and saves the reflection; the API then shows each decision. The screenshot of a
 * discrepant piece goes to {@code target/screenshots/meeting-mode.png}, its consensus form to {@code meeting-consensus.png}.
 */
@ExtendWith(CalibrateServer.class)
class MeetingBrowserIT {
    private static final String CONFIRMED = "Confirmed in the moderation meeting.";
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(CalibrateServer.get().url(), 1500, 1300);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void headRunsTheMeetingByKeyboardConfirmingAgreementSettlingADiscrepancyAndReflecting() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        String head = f.token(RoundFixture.HEAD);
        String round = ModerationIT.scoredRound(f, "Meeting round " + System.nanoTime());
        f.move(round, "moderation").expect(200);
        JsonObject agenda = f.api.get("/api/rounds/" + round + "/meeting", head).expect(200).json();
        int agreed = agenda.getJsonArray("agreed").size();
        int discrepant = agenda.getJsonArray("discrepant").size();
        assertTrue(agreed > 0 && discrepant > 0, "both kinds of work in the sample: " + agenda);

        browser.launchAs(RoundFixture.HEAD);
        ((JavascriptExecutor) browser.driver).executeScript("window.location.hash = arguments[0]", "#rounds/" + round + "/meeting");
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-progress"), "Agreed work · 1 of " + agreed));
        // The meeting's heading has focus, so the keys work at once; they are written on the screen.
        browser.upTo(10).until(d -> "meeting-heading".equals(focused().getAttribute("id")));
        assertTrue(browser.driver.findElement(By.id("meeting-keys")).getText().contains("→ or J"));

        // Agreed work: discuss, then confirm with the prefilled rationale.
        browser.visible(By.id("confirm-agreement"));
        String agreedCode = text("piece-code");
        assertEquals(CONFIRMED, browser.driver.findElement(By.id("confirm-rationale")).getAttribute("value"));
        String screen = browser.driver.findElement(By.tagName("calibrate-meeting")).getText();
        assertTrue(screen.contains("Scorer A") && screen.contains("Scorer B"), "scorers by label: " + screen);
        assertFalse(screen.contains("Okafor") || screen.contains("Goldberg") || screen.contains("Nakamura"),
                "no scorer named before the moderator reveals them: " + screen);
        tabTo("confirm-agreement");
        type(Keys.ENTER);
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"),
                "Agreement confirmed for piece " + agreedCode));
        browser.visible(By.id("agreement-confirmed"));
        assertEquals("meeting-next", focused().getAttribute("id"), "the meeting carries on from Next");

        // On through the agreed work, then the widest disagreement first.
        for (int moves = 0; !text("meeting-progress").startsWith("Discrepant work"); moves++) {
            assertTrue(moves < agreed, "the discrepant work follows the agreed work");
            next(Keys.ARROW_RIGHT);
        }
        assertTrue(text("meeting-progress").startsWith("Discrepant work · 1 of " + discrepant), text("meeting-progress"));
        browser.visible(By.id("consensus-form"));
        String discrepantCode = text("piece-code");
        assertEquals(agenda.getJsonArray("discrepant").getJsonObject(0).getString("code"), discrepantCode);

        // The consensus by keyboard: Tab into the levels, an arrow key picks level 1, Tab to the rationale, Enter on Save.
        for (int tabs = 0; !"radio".equals(focused().getAttribute("type")); tabs++) {
            assertTrue(tabs < 25, "the levels are reachable by Tab");
            type(Keys.TAB);
        }
        assertEquals("consensus-response-0", focused().getAttribute("id"));
        type(Keys.ARROW_RIGHT);
        browser.upTo(10).until(d -> d.findElement(By.id("consensus-response-1")).isSelected());
        assertTrue(text("meeting-progress").startsWith("Discrepant work · 1 of "), "arrows on a level choose the level, not the piece");
        tabTo("consensus-rationale");
        String rationale = "One valid inference, supported by a single detail from the text: a 1.";
        type(rationale);
        tabTo("consensus-save");
        browser.frameShot("meeting-consensus");
        type(Keys.ENTER);
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"),
                "Consensus recorded for piece " + discrepantCode));
        browser.upTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-final"), "Consensus in moderation"));
        ((JavascriptExecutor) browser.driver).executeScript("document.querySelector('calibrate-meeting').scrollIntoView()");
        browser.frameShot("meeting-mode");

        // K goes back a piece, J forward again.
        next("k");
        assertTrue(text("meeting-progress").startsWith("Agreed work · " + agreed + " of " + agreed), text("meeting-progress"));
        next("j");
        assertEquals(discrepantCode, browser.visible(By.id("piece-code")).getText());

        // The scorers may see who gave which score: the screen names them too, and the setting is stored.
        // The new piece's heading has focus; the setting follows the piece.
        assertEquals("slide-heading", focused().getAttribute("id"));
        tabTo("meeting-reveal");
        type(Keys.SPACE);
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"),
                "Scorers can now see who gave which score"));
        browser.upTo(10).until(d -> {
            String s = d.findElement(By.cssSelector(".meeting-piece")).getText();
            return s.contains("Okafor") || s.contains("Goldberg") || s.contains("Nakamura");
        });

        // On to the reflection.
        for (int moves = 0; !text("meeting-progress").equals("Reflection"); moves++) {
            assertTrue(moves < discrepant, "the reflection follows the discrepant work");
            next(Keys.ARROW_RIGHT);
        }
        browser.visible(By.id("reflection-form"));
        String task = "Ask for two details from the text in the prompt itself.";
        tabTo("reflection-task");
        type(task);
        type(Keys.TAB);
        assertEquals("reflection-instruction", focused().getAttribute("id"));
        type("Model how an inference differs from a retelling.");
        type(Keys.TAB);
        assertEquals("reflection-criteria", focused().getAttribute("id"));
        type("Say in the notes what counts as a valid inference.");
        tabTo("reflection-save");
        type(Keys.ENTER);
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("meeting-message"), "Reflection saved."));

        // The decisions as the API keeps them.
        String pieces = "/api/rounds/" + round + "/moderation/pieces/";
        JsonObject confirmed = f.api.get(pieces + agreedCode, head).expect(200).json();
        assertEquals("resolved", confirmed.getString("state"));
        assertEquals("consensus", confirmed.getJsonObject("resolution").getString("method"));
        assertEquals(CONFIRMED, confirmed.getJsonObject("resolution").getString("rationale"));
        assertEquals(2, confirmed.getJsonObject("final_score").getInt("total"), "the agreed level is kept");
        JsonObject settled = f.api.get(pieces + discrepantCode, head).expect(200).json();
        assertEquals("resolved", settled.getString("state"));
        assertEquals(1, settled.getJsonObject("resolution").getJsonObject("levels").getInt("response"));
        assertEquals(rationale, settled.getJsonObject("resolution").getString("rationale"));
        JsonObject meeting = f.api.get("/api/rounds/" + round + "/meeting", head).expect(200).json();
        assertEquals(task, meeting.getJsonObject("reflection").getString("task"));
        assertEquals("Say in the notes what counts as a valid inference.", meeting.getJsonObject("reflection").getString("criteria"));
        assertTrue(meeting.getJsonObject("rules").getBoolean("scorers_revealed"));
        List<String> states = meeting.getJsonArray("discrepant").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("code").equals(discrepantCode)).map(p -> p.getString("state")).toList();
        assertEquals(List.of("resolved"), states);
    }

    private static WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    private static void type(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private static String text(String id) {
        return browser.upTo(10).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id(id)).getText());
    }

    /** Tab until the element with this id has focus. */
    private static void tabTo(String id) {
        for (int tabs = 0; !id.equals(focused().getAttribute("id")); tabs++) {
            assertTrue(tabs < 30, id + " is reachable by Tab");
            type(Keys.TAB);
        }
    }

    /** One key that moves the meeting, then waits for the progress line to change. */
    private static void next(CharSequence key) {
        String before = text("meeting-progress");
        type(key);
        browser.upTo(10).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("meeting-progress")).getText().equals(before));
    }
}
