package dev.statcallouts.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.sun.net.httpserver.HttpServer;

/**
 * Debian's headless Chromium driven through chromedriver, plus a little web server on another
 * port that plays the host page (another origin, as a real article would be).
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final HttpServer host;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    public Browser() throws IOException {
        this(new ChromeOptions());
    }

    public Browser(ChromeOptions options) throws IOException {
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1300,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            String page = pages.get(exchange.getRequestURI().getPath());
            byte[] body = (page == null ? "not found" : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        host.start();
    }

    /** Serves {@code html} as a host page on the other origin and returns its URL. */
    public String hostPage(String path, String html) {
        pages.put(path, html);
        return "http://127.0.0.1:" + host.getAddress().getPort() + path;
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs axe-core in the current document and returns its violations (rule ids and targets). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> axeViolations() throws IOException {
        Path axe = Path.of("widgets/node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe)) {
            throw new IllegalStateException("axe-core is missing: run npm ci in widgets/ (the build does)");
        }
        js(Files.readString(axe));
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document).then(function (r) { done(r.violations.map(function (v) {"
                        + "  return {id: v.id, impact: v.impact, nodes: v.nodes.map(function (n) { return n.target.join(' '); })};"
                        + "})); }, function (e) { done([{id: 'axe-error', nodes: [String(e)]}]); });");
        return (List<Map<String, Object>>) result;
    }

    @Override
    public void close() {
        driver.quit();
        host.stop(0);
    }
}
