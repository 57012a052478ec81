package org.calibrate.it;

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

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round from set-up to scored, in Debian's headless Chromium through the demo LMS: the department head
 * creates a round with a shipped rubric, adds two teachers, the demo submissions and a practice piece,
 * allocates and opens calibration; both teachers calibrate and then score their whole queues with the
 * keyboard alone (a digit for the level, Enter to submit and move on); the head watches progress.
 * Screenshots go to {@code target/screenshots/rounds-*.png}.
 */
@ExtendWith(CalibrateServer.class)
class RoundsBrowserIT {
    private static final String HEAD = "demo-dh-01";
    private static final String OKAFOR = "demo-t-01";
    private static final String GOLDBERG = "demo-t-03";
    private static Browser browser;
    private static String flagged;

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
    void headSetsUpTeachersCalibrateAndScoreByKeyboardHeadSeesProgress() throws Exception {
        String title = "Browser round " + System.nanoTime();
        setUpRound(title);

        for (String teacher : new String[] {OKAFOR, GOLDBERG}) {
            openRoundToScore(teacher, title);
            calibrateByKeyboard(teacher.equals(OKAFOR));
        }

        browser.launchAs(HEAD);
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + title + "']]//a[@data-open-setup]")).click();
        browser.clickable(By.id("tab-overview")).click();
        browser.clickable(By.id("phase-next")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-phase"), "Scoring"));

        Set<String> scored = new HashSet<>();
        for (String teacher : new String[] {OKAFOR, GOLDBERG}) {
            openRoundToScore(teacher, title);
            scored.addAll(scoreQueueByKeyboard(teacher.equals(OKAFOR)));
        }
        assertEquals(12, scored.size(), "every demo piece reached a scorer");

        // Goldberg's sensitive-content flag reaches the department head on every page at once.
        browser.launchAs(HEAD);
        WebElement alert = browser.visible(By.id("alerts"));
        assertTrue(alert.getText().contains(flagged), alert.getText());
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + title + "']]//a[@data-open-setup]")).click();
        WebElement overall = browser.visible(By.id("progress-overall"));
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElement(overall, "24 of 24"));
        assertTrue(overall.getText().contains("12 of 12 pieces complete"), overall.getText());
        assertTrue(browser.driver.findElement(By.id("progress-table")).getText().contains("Adaeze Okafor"));
        browser.frameShot("rounds-progress");

        // Scoring ends; the reliability report opens for the moderator.
        browser.clickable(By.id("tab-overview")).click();
        browser.clickable(By.id("phase-next")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-phase"), "Moderation"));
        // The scoring chart: every piece against its scorers, filterable by agreement.
        browser.clickable(By.id("tab-chart")).click();
        WebElement chart = browser.visible(By.id("chart-table"));
        assertEquals(12, chart.findElements(By.cssSelector("tbody tr")).size());
        new Select(browser.driver.findElement(By.id("chart-filter"))).selectByValue("agreed");
        browser.upTo(10).until(d -> d.findElements(By.cssSelector("#chart-table tbody tr")).stream()
                .allMatch(r -> "agreed".equals(r.getAttribute("data-status"))));
        browser.frameShot("rounds-chart");
        browser.clickable(By.cssSelector("[data-nav='reports']")).click();
        browser.clickable(By.xpath("//button[@data-report][normalize-space()='" + title + "']")).click();
        WebElement scorers = browser.upTo(90).until(ExpectedConditions.visibilityOfElementLocated(By.id("report-scorers")));
        assertTrue(scorers.getText().contains("Rachel Goldberg"), scorers.getText());
        assertTrue(browser.driver.findElement(By.id("report-criteria")).getText().contains("Short response"));
        // Chart.js (from its WebJar, through the import map) has drawn the agreement plot.
        browser.upTo(20).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const c = document.getElementById('chart-agreement'); return c !== null && c.toDataURL().length > 5000;")));
        assertTrue(browser.driver.findElement(By.cssSelector(".level-table")).getText().contains("Adaeze Okafor"));
        assertTrue(browser.driver.findElement(By.id("report-csv")).isDisplayed());
        browser.frameShot("rounds-report");
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('report-criteria').scrollIntoView()");
        browser.frameShot("rounds-report-tables");

        // A teacher reads her own figures, and no one else's.
        openRoundToScore(OKAFOR, title);
        WebElement mine = browser.visible(By.id("my-figures"));
        assertTrue(mine.getText().contains("you gave the same level"), mine.getText());
        assertFalse(mine.getText().contains("Goldberg"), "her figures name no other scorer");
    }

    /** The department head, all by the pages: round, scorers, pieces, practice piece, allocation, calibration. */
    private static void setUpRound(String title) throws Exception {
        browser.launchAs(HEAD);
        // Scorers come from the course roster, read from the LMS.
        browser.clickable(By.id("roster-sync")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-message"), "Roster synced"));
        browser.visible(By.id("round-title")).sendKeys(title);
        browser.driver.findElement(By.id("round-task")).sendKeys("Short response: how do the two texts show courage?");
        Select rubric = new Select(browser.driver.findElement(By.id("round-rubric")));
        rubric.getOptions().stream().filter(o -> o.getText().contains("2-point short-response")).findFirst().orElseThrow().click();
        browser.frameShot("rounds-create");
        browser.driver.findElement(By.id("round-create-submit")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-heading"), title));

        browser.clickable(By.id("tab-scorers")).click();
        for (String teacher : new String[] {OKAFOR, GOLDBERG}) {
            new Select(browser.visible(By.id("member-person"))).selectByValue(teacher);
            browser.driver.findElement(By.id("member-add")).click();
            browser.upTo(30).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//table[@id='members-table']//tr[th[contains(., '" + (teacher.equals(OKAFOR) ? "Okafor" : "Goldberg") + "')]]")));
        }
        browser.frameShot("rounds-scorers");

        browser.clickable(By.id("tab-pieces")).click();
        // The demo LMS's assignment comes in as an import job: its progress bar fills, then the pieces list shows codes.
        browser.clickable(By.id("import-demo")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".import-job"), "12 of 12 submissions"));
        assertEquals("12", browser.driver.findElement(By.cssSelector(".import-job progress")).getAttribute("value"));
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("pieces-count"), "12"));
        assertTrue(browser.driver.findElement(By.cssSelector(".import-job")).getText().contains("12 added"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.driver.findElement(By.cssSelector(".import-job")));
        browser.frameShot("rounds-import");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.driver.findElement(By.id("pieces-table")));
        String pieces = browser.driver.findElement(By.id("pieces-table")).getText();
        assertFalse(pieces.contains("Maya"), "the pieces list shows codes, never names");
        browser.frameShot("rounds-pieces");

        // The LMS as an Asset Processor: Calibrate's handler registered, the LMS's submissions listed by activity.
        browser.clickable(By.cssSelector("#assets-source summary")).click();
        browser.clickable(By.id("assets-register")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("assets-handler"), "The LMS sends submissions"));
        for (int i = 0; i < 60 && browser.driver.findElements(By.id("asset-activity")).isEmpty(); i++) {
            browser.clickable(By.id("assets-refresh")).click();
            Thread.sleep(500);
        }
        assertTrue(browser.visible(By.id("asset-activity")).getText().contains("12 students"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                browser.driver.findElement(By.id("assets-source")));
        browser.frameShot("rounds-import-assets");

        // The release review: a piece's original with what is hidden, then the release that lets scoring start.
        // A long piece: the demo's shortest ones name nobody, and the codes (so the order) are random.
        browser.clickable(By.xpath("(//table[@id='pieces-table']//tr[number(td[3]) > 100]//button[@data-review])[1]")).click();
        browser.visible(By.id("review-original"));
        browser.upTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#review-original .review-span")));
        assertFalse(browser.driver.findElement(By.id("review-scorer-text")).getText().contains("Maya"), "what scorers will read has no name");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.getElementById('review-heading').scrollIntoView()");
        browser.frameShot("rounds-review");
        browser.clickable(By.id("release-pieces")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("release-state"), "Released"));

        browser.clickable(By.id("tab-calibration")).click();
        browser.visible(By.id("item-text")).sendKeys("The first text shows courage when the girl speaks up; the second text, when the firefighter goes back in.");
        browser.clickable(By.id("item-response-2")).click();
        browser.driver.findElement(By.id("item-annotation")).sendKeys("Both texts, each with a relevant detail: a 2.");
        browser.driver.findElement(By.id("item-add")).click();
        browser.visible(By.id("calibration-items"));

        browser.clickable(By.id("tab-allocation")).click();
        browser.clickable(By.id("allocation-run")).click();
        browser.visible(By.id("allocation-load"));
        String load = browser.driver.findElement(By.id("allocation-load")).getText();
        assertTrue(load.contains("Adaeze Okafor") && load.contains("12"), load);
        browser.frameShot("rounds-allocation");

        browser.clickable(By.id("tab-overview")).click();
        browser.clickable(By.id("phase-next")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("round-phase"), "Calibration"));
    }

    /** Launches as the teacher and opens the round's scoring page with the keyboard (Enter on its link). */
    private static void openRoundToScore(String teacher, String title) {
        browser.launchAs(teacher);
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + title + "']]//a[@data-open-score]")).sendKeys(Keys.ENTER);
        browser.visible(By.id("round-heading"));
    }

    private static WebElement focused() {
        return browser.driver.switchTo().activeElement();
    }

    private static void type(CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    /** One practice piece: the level by its digit, Enter to compare, Enter again to finish. */
    private static void calibrateByKeyboard(boolean screenshot) throws Exception {
        browser.visible(By.id("practice-form"));
        browser.upTo(10).until(d -> "radio".equals(focused().getAttribute("type")));
        type("2");
        browser.upTo(10).until(d -> d.findElement(By.id("practice-response-2")).isSelected());
        type(Keys.ENTER);
        WebElement result = browser.visible(By.id("practice-result"));
        assertTrue(result.getText().contains("You matched the agreed score"), result.getText());
        assertTrue(result.getText().contains("Both texts, each with a relevant detail"), "the annotation shows after the attempt");
        if (screenshot) {
            browser.frameShot("rounds-calibration");
        }
        browser.upTo(10).until(d -> "practice-next".equals(focused().getAttribute("id")));
        type(Keys.ENTER);
        browser.visible(By.id("practice-done"));
    }

    /**
     * Scores every piece of the queue: a digit, Enter; the next piece opens with focus on its rubric. The second
     * teacher also flags one piece, by keyboard too. Returns the codes.
     */
    private static Set<String> scoreQueueByKeyboard(boolean screenshot) throws Exception {
        browser.visible(By.id("score-form"));
        Set<String> codes = new HashSet<>();
        int guard = 0;
        while (browser.driver.findElements(By.id("queue-done")).isEmpty()) {
            assertTrue(guard++ < 20, "the queue ends");
            String code = browser.visible(By.id("piece-code")).getText();
            assertTrue(codes.add(code), "each piece comes once: " + code);
            browser.upTo(10).until(d -> "radio".equals(focused().getAttribute("type")));
            // The scorer's page names no student and no other scorer.
            String page = browser.driver.findElement(By.id("main")).getText();
            assertFalse(page.contains("Goldberg") && page.contains("Okafor"), "no other scorer is named");
            if (!screenshot && codes.size() == 1) {
                // The second teacher flags their first piece for the moderators, keyboard only: Tab to
                // "Flag for the moderators", Enter opens it, Tab to "Sensitive content", Space ticks it.
                for (int tabs = 0; !focused().getText().trim().equals("Flag for the moderators"); tabs++) {
                    assertTrue(tabs < 20, "the flags are reachable by Tab");
                    type(Keys.TAB);
                }
                type(Keys.ENTER);
                type(Keys.TAB);
                assertEquals("flag-sensitive", focused().getAttribute("id"));
                type(Keys.SPACE);
                browser.upTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-state"), "Draft saved"));
                flagged = code;
            }
            type(String.valueOf(codes.size() % 3));
            if (screenshot && codes.size() == 2) {
                ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, 0)");
                browser.frameShot("rounds-scoring");
            }
            type(Keys.ENTER);
            // Lit re-renders the heading as the next piece opens: a code read just before that is read again.
            browser.upTo(30).ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(By.id("queue-done")).isEmpty()
                    || !d.findElement(By.id("piece-code")).getText().equals(code));
        }
        assertTrue(browser.driver.findElement(By.id("queue-progress")).getText().contains("12 of 12"));
        return codes;
    }
}
