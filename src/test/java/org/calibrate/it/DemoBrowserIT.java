package org.calibrate.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks the demo LMS in Debian's headless Chromium: a teacher's launch lands in the app shell
 * inside the LMS frame; a student's launch shows the learner page. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(CalibrateServer.class)
class DemoBrowserIT {
    private static CalibrateServer.Running server;
    private static Browser chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        server = CalibrateServer.get();
        chromium = new Browser(server.url(), 1280, 900);
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

    private static void launchAs(String personId) {
        browser.switchTo().defaultContent();
        browser.get(server.url() + "/demo/");
        WebElement button = waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-person='" + personId + "']")));
        button.click();
        waitUpTo(20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("lms-frame"));
    }

    @Test
    void teacherLaunchLandsInTheAppShell() throws Exception {
        launchAs("demo-t-01");
        WebElement name = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElement(name, "Adaeze Okafor"));
        assertEquals("Teacher", browser.findElement(By.id("tool-role")).getText().trim());
        assertTrue(browser.findElement(By.id("course-title")).getText().contains("English 8"));
        assertTrue(browser.findElements(By.cssSelector("[data-nav='rounds']")).size() == 1);
        assertTrue(browser.findElements(By.cssSelector("[data-nav='admin']")).isEmpty(), "no Admin for a teacher");
        assertTrue(browser.findElements(By.cssSelector(".loading")).isEmpty(), "the start-up placeholder is gone");
        screenshot("teacher-shell");
    }

    @Test
    void shellIsKeyboardNavigable() {
        launchAs("demo-t-02");
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        WebElement exemplars = browser.findElement(By.cssSelector("[data-nav='exemplars']"));
        exemplars.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitUpTo(10).until(d -> "page".equals(d.findElement(By.cssSelector("[data-nav='exemplars']")).getAttribute("aria-current")));
        assertTrue(browser.findElement(By.id("main")).getText().toLowerCase().contains("exemplar"));
    }

    @Test
    void adminSeesTheAdminSection() {
        launchAs("demo-adm-01");
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
        assertEquals("Administrator", browser.findElement(By.id("tool-role")).getText().trim());
        assertEquals(1, browser.findElements(By.cssSelector("[data-nav='admin']")).size());
    }

    @Test
    void studentLaunchShowsTheLearnerPage() throws Exception {
        launchAs(firstStudent());
        WebElement heading = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("learner-heading")));
        assertTrue(heading.getText().contains("Calibrate is for your teachers"));
        assertTrue(browser.findElements(By.id("user-name")).isEmpty());
        screenshot("learner-page");
    }

    private static String firstStudent() throws Exception {
        String json = Files.readString(Path.of("src/main/resources/demo/course.json"));
        int role = json.indexOf("\"role\": \"student\"");
        int id = json.lastIndexOf("\"id\": \"", role) + 7;
        return json.substring(id, json.indexOf('"', id));
    }

    private static void screenshot(String name) throws Exception {
        browser.switchTo().defaultContent();
        chromium.screenshot(name);
    }
}
