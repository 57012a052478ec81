package org.calibrate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;


/**
 * Work handed in as a photo, as the department head reviews it in Debian's headless Chromium: the picture as scorers
 * will get it, a box added with the keyboard alone (its place and size typed in percent) and saved, and the release
 * asking to confirm the check by eye. Screenshots go to {@code target/screenshots/review-picture*.png}.
 */
@ExtendWith(CalibrateServer.class)
class PicturesBrowserIT {
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
    void aPhotographedPieceIsReviewedAndBoxedByKeyboard() throws Exception {
        RoundFixture f = new RoundFixture(CalibrateServer.get().url());
        String head = f.token(RoundFixture.HEAD);
        String title = "Photographed essays " + System.nanoTime();
        String round = f.createRound(title, f.shippedRubric("ny-short-response-2-point"));
        JsonObject learner = f.api.get("/api/rounds/" + round + "/imports/learners", head).expect(200).json().getJsonArray("learners").getJsonObject(3);
        String job = f.api.upload("/api/rounds/" + round + "/imports/upload?name=page1.png&learner=" + learner.getString("user_id"),
                IntakeIT.picture("Essay by " + learner.getString("name")), "image/png", head).expect(202).json().getString("id");
        IntakeIT.awaitImport(f.api, round, job, head);

        browser.launchAs(RoundFixture.HEAD);
        browser.clickable(By.xpath("//tr[th[normalize-space()='" + title + "']]//a[@data-open-setup]")).click();
        browser.clickable(By.id("tab-pieces")).click();
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("release-to-check"), "check by eye"));
        browser.clickable(By.cssSelector("[data-review]")).click();
        browser.upTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("calibrate-piece-files img.piece-page")));
        ((JavascriptExecutor) browser.driver).executeScript("document.querySelector('calibrate-piece-files').scrollIntoView()");
        browser.frameShot("review-picture");

        // The keyboard's way to a box: type its place and size, add it, save.
        for (String[] field : new String[][] {{"box-x-0", "0"}, {"box-y-0", "0"}, {"box-w-0", "20"}, {"box-h-0", "30"}}) {
            browser.visible(By.id(field[0])).sendKeys(field[1]);
        }
        browser.clickable(By.xpath("//form[contains(@class,'box-form')]//button")).click();
        browser.clickable(By.xpath("//button[normalize-space()='Save the boxes']")).click();
        // Saved, it is listed as such (a box not yet saved says "not saved"), with its size.
        browser.upTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".box-list"), "(20% × 30%) — saved"));
        ((JavascriptExecutor) browser.driver).executeScript("document.querySelector('calibrate-piece-files').scrollIntoView()");
        browser.frameShot("review-picture-boxed");
    }
}
