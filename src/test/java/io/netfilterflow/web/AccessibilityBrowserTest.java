package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * axe-core finds nothing to fix in each state a reader meets: the page as it opens, a run under way and ended,
 * the editor, the counters, share and packet builder dialogs, presenter mode; in English and in Korean.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTest extends BrowserPages {

    /** axe injects its script: the test's own context lets it past the page's Content-Security-Policy. */
    @Override
    protected Page open(String path) {
        return open(path, new NewContextOptions().setViewportSize(1280, 720).setBypassCSP(true));
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
            page.click("#add-packet");
            page.waitForSelector("#builder-dialog[open]");
            assertNoViolations(page, language + " builder");
            page.selectOption("#builder-form select[name=to]", "other");
            page.click("#builder-run");
            page.waitForSelector("#builder-form .problem");
            assertNoViolations(page, language + " builder refusing");
            page.keyboard().press("Escape");
            page.keyboard().press("p");
            assertNoViolations(page, language + " presenter");
        }
    }
}
