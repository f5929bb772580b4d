package io.netfilterflow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A live session in Debian's Chromium, two pages as a classroom has them: the presenter starts a session from the
 * Live dialog, a student opens its link and follows the presenter hop by hop, steps away and returns, answers a quiz
 * question the presenter sees counted, sees the answer when the presenter reveals it, and learns when it ends. The
 * server ends every event stream after 3 s, so both pages keep reconnecting (as when a server dies under them) and
 * resume where the presenter is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "netfilter-flow.live.stream-timeout=3s")
class LiveSessionBrowserTest extends BrowserPages {

    private static final LocatorAssertions.HasTextOptions WAIT = new LocatorAssertions.HasTextOptions().setTimeout(10_000);

    @Test
    void aStudentFollowsThePresenterThroughTenStepsAndAQuizQuestion() {
        Page presenter = open("/?preset=docker-wan-published#hop=1");
        presenter.waitForSelector("body[data-state=done]");
        presenter.click("#live");
        presenter.click("#live-start");
        presenter.waitForSelector("#live-running:not([hidden])");
        String code = presenter.textContent("#live-code");
        assertThat(code).matches("[A-HJKMNP-Z2-9]{6}");
        assertThat(presenter.inputValue("#live-link")).isEqualTo(base() + "/live/" + code);
        presenter.click("#live-close");
        assertThat(presenter.textContent("#live-bar")).contains(code);

        Page student = open("/live/" + code.toLowerCase(), 1280, 720);
        assertThat(student.locator("#position")).hasText(presenter.textContent("#position"), WAIT);
        assertThat(presenter.locator("#live-bar .live-count")).hasText("following: 1", WAIT);

        for (int step = 1; step <= 10; step++) {
            presenter.keyboard().press("ArrowRight");
            String position = presenter.textContent("#position");
            assertThat(position).isEqualTo("hop " + (1 + step) + " of " + total(presenter));
            assertThat(student.locator("#position")).hasText(position, WAIT); // step by step
            assertThat(FlowPage.litBox(student)).isEqualTo(FlowPage.litBox(presenter));
            if (step == 5) {
                presenter.keyboard().press("p"); // presenter mode is the presenter's state too
                assertThat(student.locator("html")).hasClass(java.util.regex.Pattern.compile("presenting"));
            }
        }
        Browser.screenshot(presenter, "live-presenter");
        Browser.screenshot(student, "live-student");

        // the student steps back on their own, the presenter goes on, the student returns
        student.keyboard().press("ArrowLeft");
        assertThat(student.locator("#live-bar")).containsText("stepped away");
        presenter.keyboard().press("ArrowRight");
        String there = presenter.textContent("#position");
        student.waitForTimeout(300);
        assertThat(student.textContent("#position")).isNotEqualTo(there);
        student.click("#live-return");
        assertThat(student.locator("#position")).hasText(there, WAIT);
        assertThat(student.locator("#live-bar")).containsText("following the presenter");

        // a quiz: the presenter's packet moves to the first question, the student answers, the presenter reveals
        presenter.keyboard().press("p");
        presenter.click("#live");
        presenter.check("#live-quiz");
        presenter.click("#live-close");
        presenter.waitForSelector("#quiz[data-view=ask]", new Page.WaitForSelectorOptions().setTimeout(60_000));
        String asked = presenter.getAttribute("#quiz", "data-seq");
        student.waitForSelector("#quiz[data-view=ask]", new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertThat(student.getAttribute("#quiz", "data-seq")).isEqualTo(asked);
        assertThat(student.textContent("#position")).isEqualTo(presenter.textContent("#position"));
        assertThat(presenter.locator("#quiz .quiz-choice").count()).as("the presenter sees counts, not buttons").isZero();
        String chosen = student.locator("#quiz .quiz-choice").first().getAttribute("data-value");
        student.click("#quiz .quiz-choice[data-value=\"" + chosen + "\"]");
        student.waitForSelector("#quiz[data-view=sent]");
        assertThat(presenter.locator("#quiz .quiz-tally li[data-value=\"" + chosen + "\"] .tally-count"))
                .hasText("1", WAIT);
        Browser.screenshot(presenter, "live-presenter-tally");
        presenter.click("#quiz .quiz-reveal");
        student.waitForSelector("#quiz[data-view=told]", new Page.WaitForSelectorOptions().setTimeout(10_000));
        assertThat(student.getAttribute("#quiz", "data-seq")).isEqualTo(asked);
        assertThat(student.textContent("#quiz .quiz-result")).isNotBlank();
        assertThat(presenter.locator("#quiz .quiz-tally li.right")).hasCount(1);
        Browser.screenshot(student, "live-student-told");

        // the presenter's tab reloaded takes the session up again, where it was, and still moves the class
        String before = presenter.textContent("#position");
        presenter.reload();
        presenter.waitForSelector("body[data-ready=true]");
        assertThat(presenter.locator("#live-bar .live-code")).hasText(code, WAIT);
        assertThat(presenter.locator("#position")).hasText(before, WAIT);
        presenter.click("#live");
        presenter.uncheck("#live-quiz");
        presenter.click("#live-close");
        presenter.keyboard().press("End");
        assertThat(student.locator("#position")).hasText(presenter.textContent("#position"), WAIT);

        presenter.click("#live");
        presenter.click("#live-end");
        assertThat(student.locator("#live-bar")).containsText("ended",
                new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
    }

    private static String total(Page page) {
        return page.textContent("#position").replaceAll(".* of ", "");
    }
}
