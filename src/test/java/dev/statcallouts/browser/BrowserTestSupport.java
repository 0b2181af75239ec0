package dev.statcallouts.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.restassured.RestAssured;

/** One Chromium per browser test class, and the service's origin as the browser reaches it. */
abstract class BrowserTestSupport {

    static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}
