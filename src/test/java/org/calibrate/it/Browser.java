package org.calibrate.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (named explicitly, so Selenium Manager
 * downloads nothing), with the flags this machine needs, and the demo LMS moves every browser test makes.
 */
final class Browser implements AutoCloseable {
    final WebDriver driver;
    private final String baseUrl;

    Browser(String baseUrl, int width, int height) throws Exception {
        this.baseUrl = baseUrl;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriverWait upTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Opens the demo LMS, launches Calibrate as one of its people and switches into the course frame. */
    void launchAs(String personId) {
        driver.switchTo().defaultContent();
        driver.get(baseUrl + "/demo/");
        upTo(20).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-person='" + personId + "']"))).click();
        intoFrame();
        upTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
    }

    void intoFrame() {
        driver.switchTo().defaultContent();
        upTo(20).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("lms-frame"));
    }

    WebElement visible(By by) {
        return upTo(30).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return upTo(30).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** The whole page (the demo LMS with Calibrate in its frame) to target/screenshots/NAME.png. */
    void screenshot(String name) throws Exception {
        save(name, ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE));
    }

    /** Calibrate alone, as it shows in the LMS frame, to target/screenshots/NAME.png; the frame stays current. */
    void frameShot(String name) throws Exception {
        driver.switchTo().defaultContent();
        File shot = driver.findElement(By.id("lms-frame")).getScreenshotAs(OutputType.FILE);
        intoFrame();
        save(name, shot);
    }

    private static void save(String name, File shot) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
