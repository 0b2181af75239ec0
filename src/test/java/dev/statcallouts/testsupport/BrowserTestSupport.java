package dev.statcallouts.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;

/** One Chromium per browser test class, and the service's origin as the browser reaches it. */
public abstract class BrowserTestSupport {

    protected static Browser browser;

    @BeforeAll
    protected static void startBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    protected static void stopBrowser() {
        browser.close();
    }

    protected static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** Signs the browser in to the editor as this editor (whose password is {@link TestData#EDITOR_PASSWORD}). */
    protected static void signInAs(String username) {
        browser.driver.get(origin() + "/editor/login");
        browser.driver.manage().deleteAllCookies(); // of this origin: the page may have been elsewhere
        browser.driver.get(origin() + "/editor/login");
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(TestData.EDITOR_PASSWORD);
        browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        await(ExpectedConditions.urlMatches("/editor$"));
    }

    /** Waits up to 10 s; an element replaced by a page load meanwhile is looked up again. */
    protected static <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Keeps what the browser shows now as target/screenshots/{name}.png. */
    protected static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    }
}
