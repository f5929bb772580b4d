package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.FlowPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core finds nothing to fix in each state a reader meets: the page as it opens, a run under way and ended,
 * the editor, the counters and share dialogs, presenter mode; in English and in Korean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTest {

    private static Browser browser;

    @LocalServerPort
    int port;

    private final List<String> errors = new ArrayList<>();
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
        assertThat(errors).as("errors in the page").isEmpty();
        pages.forEach(page -> page.context().close());
    }

    /** axe injects its script: the test's own context lets it past the page's Content-Security-Policy. */
    private Page open(String path) {
        Page page = browser.page(new NewContextOptions().setViewportSize(1280, 720).setBypassCSP(true), errors);
        pages.add(page);
        page.navigate("http://127.0.0.1:" + port + path);
        page.waitForSelector("body[data-ready=true]");
        return page;
    }

    private static void assertNoViolations(Page page, String state) {
        List<String> found = new ArrayList<>();
        for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
            rule.getNodes().forEach(node -> found.add(rule.getId() + " (" + rule.getImpact() + "): " + node.getTarget()
                    + " " + node.getFailureSummary()));
        }
        assertThat(found).as("axe-core violations, %s", state).isEmpty();
    }

    @Test
    void everyStateOfThePageHasNoViolation() {
        for (String language : List.of("en", "ko")) {
            Page page = open("/?preset=docker-wan-published&lang=" + language);
            assertNoViolations(page, language + " start");
            page.click("#run");
            page.click("#play");
            assertNoViolations(page, language + " running");
            FlowPage.finished(page);
            page.keyboard().press("End");
            assertNoViolations(page, language + " end");
            page.click("#edit");
            assertNoViolations(page, language + " editor");
            page.keyboard().press("Escape");
            page.click("#counters");
            page.waitForSelector("#counters-dialog[open]");
            assertNoViolations(page, language + " counters");
            page.keyboard().press("Escape");
            page.click("#share");
            assertNoViolations(page, language + " share");
            page.keyboard().press("Escape");
            page.keyboard().press("p");
            assertNoViolations(page, language + " presenter");
        }
    }
}
