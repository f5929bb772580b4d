package io.netfilterflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in headless Chromium, for the browser tests of the running server: one browser per test class, pages
 * opened on the server and closed after each test, which fails when a page logged an error.
 */
public abstract class BrowserPages {

    private static Browser browser;

    @LocalServerPort
    protected int port;

    /** What the pages logged as errors; a test that expects one (a refused POST) removes it. */
    protected final List<String> errors = new ArrayList<>();
    private final List<Page> pages = new ArrayList<>();

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void noScriptErrors() {
        pages.forEach(page -> page.context().close());
        pages.clear();
        assertThat(errors).as("errors in the page").isEmpty();
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The page at {@code path}, 1280×720 (a classroom projector), once it is ready. */
    protected Page open(String path) {
        return open(path, 1280, 720);
    }

    protected Page open(String path, int width, int height) {
        return open(path, new NewContextOptions().setViewportSize(width, height));
    }

    protected Page open(String path, NewContextOptions options) {
        Page page = browser.page(options, errors);
        pages.add(page);
        page.navigate(base() + path);
        page.waitForSelector("body[data-ready=true]");
        return page;
    }
}
