package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createEditor;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.statcallouts.testsupport.BrowserTestSupport;
import io.quarkus.test.junit.QuarkusTest;

/** Collections, CSV import and the admin page in a real Chromium, checked by axe-core. */
@QuarkusTest
class EditorToolsBrowserTest extends BrowserTestSupport {

    @Test
    void buildACollectionAndPreviewIt() throws Exception {
        signInAs(createEditor());
        String a = slug("coll-a");
        String b = slug("coll-b");
        create(figure(a));
        Map<String, Object> second = figure(b);
        second.put("value", "65");
        second.put("display", Map.of("kind", "percent"));
        second.put("label", "of organizations use generative AI");
        create(second);
        String slug = slug("coll");
        browser.driver.get(origin() + "/editor/collections");
        assertThat(browser.axeViolations()).as("axe on the collection list").isEmpty();
        field("c-title").sendKeys("AI by the numbers");
        field("c-slug").sendKeys(slug);
        field("c-first").sendKeys(a);
        browser.driver
                .findElement(By.cssSelector("form[action='/editor/collections'] button"))
                .click();
        await(ExpectedConditions.urlContains("/editor/collections/" + slug + "?notice=created"));

        // Figures are added by searching: part of the slug here, words or a value as well.
        field("find-figure").sendKeys(b.substring(b.length() - 8));
        field("find-figure").submit();
        await(d -> !d.findElements(By.id("found")).isEmpty());
        assertThat(field("found").getText()).contains("65%", "of organizations use generative AI");
        browser.driver
                .findElement(By.cssSelector("#found form[action$='/add'] button"))
                .click();
        await(ExpectedConditions.urlContains("notice=added"));
        browser.driver
                .findElements(By.cssSelector("#items li"))
                .get(1)
                .findElement(By.cssSelector("button[value=up]"))
                .click();
        await(ExpectedConditions.urlContains("notice=moved"));
        List<WebElement> items = browser.driver.findElements(By.cssSelector("#items li"));
        assertThat(items.get(0).getText()).contains("65%");
        assertThat(items.get(1).getText()).contains("¥920 billion");
        browser.driver.switchTo().frame("preview");
        await(d -> d.findElement(By.tagName("body")).getText().contains("65%"));
        String card = browser.driver.findElement(By.tagName("body")).getText();
        assertThat(card.indexOf("65%")).isLessThan(card.indexOf("¥920 billion"));
        browser.driver.switchTo().defaultContent();
        assertThat(field("snippet-script").getAttribute("value")).contains("data-collection=\"" + slug + "\"");
        screenshot("collection");
        assertThat(browser.axeViolations()).as("axe on a collection's page").isEmpty();
    }

    @Test
    void csvImportWithOneBadRowWritesNothingAndSaysWhere() throws Exception {
        signInAs(createEditor());
        String good = slug("csv-ok");
        String bad = slug("csv-no");
        Path file = Files.createTempFile("figures", ".csv");
        Files.writeString(
                file,
                "slug,value,kind,label,source_name,source_url\n"
                        + good + ",65,percent,use generative AI,McKinsey,https://www.mckinsey.com/ai\n"
                        + bad + ",12,percent,a label,McKinsey,not a url\n");
        browser.driver.get(origin() + "/editor/transfer");
        assertThat(browser.axeViolations()).as("axe on the import page").isEmpty();
        Map<String, Long> before = rowCounts();
        field("csv-file").sendKeys(file.toAbsolutePath().toString());
        browser.driver.findElement(By.cssSelector("button[value=import]")).click();
        await(d -> !d.findElements(By.id("report")).isEmpty());
        assertThat(field("report").getText())
                .contains(
                        "1 problem in 1 of 2 rows: nothing was written",
                        "3 source_url must be an absolute http or https URL");
        assertThat(rowCounts()).isEqualTo(before);
        given().when().get("/api/stats/" + good).then().statusCode(404);
        screenshot("import-report");
        assertThat(browser.axeViolations()).as("axe on the import report").isEmpty();
        Files.delete(file);
    }

    @Test
    void theAdminPageIsAccessible() throws Exception {
        signInAs(createEditor("admin"));
        browser.driver.get(origin() + "/editor/admin");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Admin");
        field("t-name").sendKeys("browser-test");
        browser.driver
                .findElement(By.cssSelector("form[action='/editor/admin/tokens'] button"))
                .click();
        await(d -> !d.findElements(By.id("issued")).isEmpty());
        assertThat(field("secret").getAttribute("value")).hasSizeGreaterThan(30);
        screenshot("admin");
        assertThat(browser.axeViolations())
                .as("axe on the admin page with a new token")
                .isEmpty();
        browser.driver.findElement(By.cssSelector(".signout a")).click();
        await(ExpectedConditions.urlMatches("/editor/account$"));
        assertThat(browser.axeViolations()).as("axe on the account page").isEmpty();
    }

    private static WebElement field(String id) {
        return browser.driver.findElement(By.id(id));
    }
}
