package org.calibrate.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LTI Advantage walk-through in Debian's headless Chromium: the admin registers Calibrate
 * through the demo LMS's dynamic registration, the department head adds a round through deep
 * linking, and a score sent from Calibrate shows in the demo gradebook. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(CalibrateServer.class)
class AdvantageBrowserIT {
    private static CalibrateServer.Running server;
    private static Browser chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = CalibrateServer.get();
        chromium = new Browser(server.url(), 1280, 1000);
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static void intoFrame() {
        browser.switchTo().defaultContent();
        waitUpTo(20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("lms-frame"));
    }

    @Test
    void registerPlaceAndReturnAGrade() throws Exception {
        // The admin registers Calibrate: the tool's registration page opens in the LMS frame and closes it when done.
        browser.get(server.url() + "/demo/");
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("register-tool"))).click();
        intoFrame();
        WebElement close = waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("lti-registration-close")));
        assertTrue(browser.getPageSource().contains("calibrate-demo-registered"));
        screenshot("registration");
        close.click();
        browser.switchTo().defaultContent();
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("advantage-status"), "Calibrate registered"));

        // The department head adds Calibrate through deep linking.
        new Select(waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("add-activity-person"))))
                .selectByValue("demo-dh-01");
        browser.findElement(By.id("add-activity")).click();
        intoFrame();
        WebElement title = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("placement-title")));
        title.clear();
        title.sendKeys("Argument essay — browser round");
        WebElement max = browser.findElement(By.id("placement-score-maximum"));
        max.clear();
        max.sendKeys("10");
        screenshot("deep-linking");
        browser.findElement(By.id("placement-submit")).click();
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("back-to-course")));

        // The new activity launches; the department head returns a grade from Calibrate.
        browser.switchTo().defaultContent();
        browser.get(server.url() + "/demo/");
        new Select(waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("activity-person")))).selectByValue("demo-dh-01");
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[@data-activity][contains(., 'browser round')]"))).click();
        intoFrame();
        waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-nav='grades']"))).click();
        // A course whose roster was never read offers to read it first.
        waitUpTo(30).until(d -> !d.findElements(By.id("grades-roster-sync")).isEmpty()
                || !d.findElements(By.cssSelector("#grade-learner option[value='demo-s-05']")).isEmpty());
        if (!browser.findElements(By.id("grades-roster-sync")).isEmpty() && browser.findElement(By.id("grades-roster-sync")).isDisplayed()) {
            browser.findElement(By.id("grades-roster-sync")).click();
        }
        new Select(waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grade-learner option[value='demo-s-05']")))
                .findElement(By.xpath(".."))).selectByValue("demo-s-05");
        browser.findElement(By.id("grade-score")).sendKeys("9");
        browser.findElement(By.id("grade-comment")).sendKeys("Strong evidence from both texts.");
        browser.findElement(By.id("grade-send")).click();
        waitUpTo(40).until(d -> d.findElements(By.cssSelector("#grades-table [data-state]")).stream()
                .anyMatch(e -> e.getText().toLowerCase().contains("sent")));
        screenshot("grades");

        // The demo gradebook shows it.
        browser.switchTo().defaultContent();
        browser.findElement(By.id("gradebook-refresh")).click();
        // The table is redrawn every few seconds; a cell found just before a redraw is read again.
        waitUpTo(30).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[data-gradebook-user='demo-s-05']")).stream()
                        .anyMatch(e -> e.getText().equals("9 / 10")));
        screenshot("gradebook");
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot("advantage-" + name);
    }
}
