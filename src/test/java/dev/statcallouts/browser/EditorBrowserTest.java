package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.EDITOR_PASSWORD;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createEditor;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statcallouts.testsupport.BrowserTestSupport;
import io.quarkus.test.junit.QuarkusTest;

/** The editors' sign-in and figure list in a real Chromium, checked by axe-core. */
@QuarkusTest
class EditorBrowserTest extends BrowserTestSupport {

    @Test
    void signInSeeTheFiguresSignOut() throws Exception {
        String username = createEditor();
        String slug = slug("browser-ui");
        create(figure(slug));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(origin() + "/editor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/editor/login");
        assertThat(browser.axeViolations()).as("axe on the sign-in page").isEmpty();

        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys("wrong password!");
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
        assertThat(browser.driver.findElement(By.cssSelector(".error")).getText())
                .isEqualTo("Wrong user name or password.");
        assertThat(browser.axeViolations()).as("axe on the sign-in error").isEmpty();

        browser.driver.findElement(By.id("username")).clear();
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(EDITOR_PASSWORD);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches("/editor$"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Figures");
        assertThat(browser.driver.getPageSource()).contains(slug);
        assertThat(browser.axeViolations()).as("axe on the figure list").isEmpty();

        browser.driver.findElement(By.cssSelector(".bar button")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches("/editor/login$"));
        browser.driver.get(origin() + "/editor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/editor/login");
    }
}
