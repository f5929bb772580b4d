package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * axe-core finds nothing to fix in each state a reader meets: the page as it opens, a run under way and ended,
 * the editor, the counters, share and packet builder dialogs, presenter mode, a quiz; in English and in Korean.
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

    /** The editor's "Scenario format" opens the format's page in a new tab; it reads well on a phone too. */
    @Test
    void theScenarioFormatPageOpensFromTheEditorAndHasNoViolation() {
        Page page = open("/?preset=docker-wan-published");
        page.click("#edit");
        assertThat(page.getAttribute("#scenario-format", "target")).isEqualTo("_blank");
        Browser.screenshot(page, "editor-scenario-format-link");
        Page format = page.context().waitForPage(() -> page.click("#scenario-format"));
        format.waitForSelector("main.document h1");
        assertThat(format.textContent("main.document h1")).isEqualTo("The scenario format");
        assertNoViolations(format, "scenario format");
        format.click(".bar .back");
        format.waitForSelector("body[data-ready=true] #run");

        Page phone = open("/docs/scenario-format?lang=zh-TW",
                new NewContextOptions().setViewportSize(390, 844).setBypassCSP(true));
        assertThat(phone.evaluate("() => document.documentElement.scrollWidth")).as("no sideways page").isEqualTo(390);
        assertNoViolations(phone, "scenario format, zh-TW, 390 px");
        Browser.screenshot(phone, "scenario-format-phone");
    }

    /** The event list folded, opened at the current hop, filtered, and filtered to nothing. */
    @Test
    void theEventListGroupedOpenedAndFilteredHasNoViolation() {
        Page page = open("/?preset=kubernetes-clusterip&lang=zh-CN");
        FlowPage.run(page);
        page.keyboard().press("End");
        assertNoViolations(page, "events folded");
        page.click("#events li.group >> nth=2");
        assertNoViolations(page, "a visit opened");
        page.selectOption("#event-filters select[name=packet]", "3");
        page.selectOption("#event-filters select[name=where]", "ip");
        assertNoViolations(page, "events filtered");
        page.selectOption("#event-filters select[name=kind]", "RECEIVED");
        assertNoViolations(page, "no event matches");
    }

    /** A quiz's question, an answer explained and the final score, on the page and in presenter mode. */
    @Test
    void theQuizHasNoViolation() {
        for (String language : List.of("en", "ko")) {
            Page page = open("/?preset=raw-notrack&lang=" + language + "#quiz");
            page.waitForSelector("#quiz[data-view=ask]");
            assertNoViolations(page, language + " quiz question");
            page.locator("#quiz .quiz-choice").first().click();
            page.waitForSelector("#quiz[data-view=told]");
            assertNoViolations(page, language + " quiz answer");
            while (page.locator("#quiz .quiz-final").count() == 0) {
                page.waitForSelector("#quiz[data-view=ask], #quiz .quiz-continue, #quiz .quiz-final");
                if (page.locator("#quiz .quiz-continue").count() > 0) {
                    page.click("#quiz .quiz-continue");
                } else if (page.locator("#quiz .quiz-choice").count() > 0) {
                    page.locator("#quiz .quiz-choice").first().click();
                }
            }
            assertNoViolations(page, language + " quiz over");
            page.keyboard().press("p");
            page.keyboard().press("Home");
            page.keyboard().press("ArrowRight");
            assertNoViolations(page, language + " quiz presenter");
        }
    }

    /** A live session: the Live dialog running, the presenter's bar and class counts, a student's bar, stepped away. */
    @Test
    void aLiveSessionHasNoViolation() {
        Page presenter = open("/?preset=raw-notrack&lang=ko#hop=2");
        presenter.waitForSelector("body[data-state=done]");
        presenter.click("#live");
        assertNoViolations(presenter, "ko live dialog");
        presenter.click("#live-start");
        presenter.waitForSelector("#live-running:not([hidden])");
        assertNoViolations(presenter, "ko live dialog, running");
        String code = presenter.textContent("#live-code");
        presenter.check("#live-quiz");
        presenter.click("#live-close");
        presenter.waitForSelector("#quiz[data-view=ask]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        assertNoViolations(presenter, "ko live presenter, the class's answers");
        Page student = open("/live/" + code + "?lang=zh-CN");
        student.waitForSelector("#quiz[data-view=ask]", new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertNoViolations(student, "zh-CN live student, a question");
        student.keyboard().press("ArrowLeft");
        student.waitForSelector("#live-return");
        assertNoViolations(student, "zh-CN live student, stepped away");
    }
}
