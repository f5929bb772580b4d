package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.FlowPage;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceMessages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Quiz mode in Debian's Chromium: a link with {@code quiz} asks, before the hops worth a question, where the packet
 * goes next or what the chain decides; each answer, right or wrong, shows the hop and its sentence; the score
 * counts the right answers; no stepping key gets past a question; the Share dialog makes such links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuizBrowserTest extends BrowserPages {

    private static final Path PRESETS = Path.of("src/main/resources/scenarios");

    @Test
    void aQuizRunsToTheEndScoringRightAndWrongAnswersAndExplainingEachHop() {
        Trace trace = trace("docker-wan-published");
        Page page = open("/?preset=docker-wan-published#quiz");
        page.evaluate("() => { const speed = document.getElementById('speed'); speed.value = speed.max;"
                + " speed.dispatchEvent(new Event('input')); }"); // between questions the packet moves at ×8
        int asked = 0;
        int right = 0;
        int verdicts = 0;
        while (true) {
            String view = nextView(page);
            if (view.equals("done") || page.locator("#quiz .quiz-final").count() > 0) {
                break;
            }
            if (view.equals("told")) {
                page.click("#quiz .quiz-continue");
                continue;
            }
            Step step = trace.steps().get(Integer.parseInt(page.getAttribute("#quiz", "data-seq")) - 1);
            boolean box = "box".equals(page.getAttribute("#quiz .quiz-body", "data-kind"));
            String answer = box ? FlowPage.box(step) : step.verdict();
            List<String> values = page.locator("#quiz .quiz-choice").all().stream()
                    .map(choice -> choice.getAttribute("data-value")).toList();
            assertThat(values).as("the answers offered before hop %d", step.seq()).contains(answer).hasSizeGreaterThan(1)
                    .doesNotHaveDuplicates();
            assertThat(page.textContent("#position")).as("asked before the hop is shown")
                    .isEqualTo("hop " + (step.seq() - 1) + " of " + trace.steps().size());
            boolean rightNow = asked % 3 != 1; // every third answer deliberately wrong
            String chosen = rightNow ? answer : values.stream().filter(value -> !value.equals(answer)).findFirst().orElseThrow();
            if (asked == 0) {
                Browser.screenshot(page, "quiz-ask");
                keysDoNotSkipTheQuestion(page, step);
            }
            if (asked == 0 && box) {
                page.click("#diagram g.node[data-id=\"" + chosen + "\"]"); // the box itself, on the diagram
            } else if (asked == 1) {
                chooseByKeyboard(page, chosen, "Enter");
            } else {
                page.click("#quiz .quiz-choice[data-value=\"" + chosen + "\"]");
            }
            asked++;
            right += rightNow ? 1 : 0;
            verdicts += box ? 0 : 1;

            page.waitForSelector("#quiz[data-view=told]");
            assertThat(page.getAttribute("#quiz", "data-seq")).isEqualTo(String.valueOf(step.seq()));
            assertThat(page.getAttribute("#quiz .quiz-result", "class")).endsWith(rightNow ? "right" : "wrong");
            assertThat(page.textContent("#position")).as("the answer shows the hop")
                    .isEqualTo("hop " + step.seq() + " of " + trace.steps().size());
            assertThat(FlowPage.litBox(page)).isEqualTo(FlowPage.box(step));
            assertThat(page.textContent("#quiz .quiz-why")).as("the hop's sentence")
                    .isEqualTo(TraceMessages.ENGLISH.render(step.reason(), step.notes()));
            if (step.rule() != null) {
                assertThat(page.textContent("#quiz .quiz-rule"))
                        .isEqualTo(step.rule().input() + " line " + step.rule().line() + ": " + step.rule().text());
            } else {
                assertThat(page.locator("#quiz .quiz-rule").count()).isZero();
            }
            assertThat(page.textContent("#quiz .quiz-score")).isEqualTo("Score: " + right + " of " + asked);
            if (!rightNow && step.rule() != null) {
                Browser.screenshot(page, "quiz-told-wrong");
            }
        }
        assertThat(page.textContent("#position")).isEqualTo("hop " + trace.steps().size() + " of " + trace.steps().size());
        assertThat(page.textContent("#quiz .quiz-final")).isEqualTo("Quiz over: " + right + " of " + asked + " answers right.");
        assertThat(page.textContent("#quiz .quiz-score")).isEqualTo("Score: " + right + " of " + asked);
        assertThat(verdicts).as("verdicts are asked too").isPositive();
        assertThat(asked).as("questions where they teach, not one per hop").isBetween(5, trace.steps().size() / 3);
        Browser.screenshot(page, "quiz-over");
    }

    /** The question, the answers and the explanation in the reader's language, nothing left in English. */
    @Test
    void aQuizSpeaksTheReadersLanguage() {
        for (String language : List.of("ko", "zh-CN", "zh-TW")) {
            Page page = open("/?preset=home-router-port-forward&lang=" + language + "#quiz");
            page.waitForSelector("#quiz[data-view=ask]");
            String question = page.innerText("#quiz");
            assertThat(question).as(language).containsPattern("[\\uAC00-\\uD7A3\\u4E00-\\u9FFF]")
                    .doesNotContain("Packet", "Where does", "Click its box", "Score");
            page.locator("#quiz .quiz-choice").first().click();
            page.waitForSelector("#quiz[data-view=told]");
            assertThat(page.textContent("#quiz .quiz-why")).as("%s: the hop's sentence", language)
                    .containsPattern("[\\uAC00-\\uD7A3\\u4E00-\\u9FFF]").isEqualTo(page.textContent("#why"));
            assertThat(page.innerText("#quiz")).doesNotContain("Right", "Not quite", "Continue", "Score");
            Browser.screenshot(page, "quiz-" + language);
        }
    }

    @Test
    void theShareDialogsQuizBoxMakesALinkThatOpensAsAQuizAndALinkWithoutItDoesNot() {
        Page page = open("/?preset=raw-notrack");
        FlowPage.run(page);
        String plain = FlowPage.link(page, false, false);
        page.click("#share");
        page.waitForSelector("#share-dialog[data-ready=true]");
        page.click("#share-dialog input[name=quiz]");
        page.waitForSelector("#share-dialog[data-ready=true]");
        String quiz = page.inputValue("#share-link");
        page.click("#share-close");
        assertThat(quiz).contains("#s=").endsWith("&quiz").startsWith(plain);

        Page student = open(quiz.substring(base().length()));
        student.waitForSelector("#quiz[data-view=ask]");
        assertThat(student.evaluate("() => document.documentElement.classList.contains('quiz')")).isEqualTo(true);
        Trace trace = trace("raw-notrack");
        Step asked = trace.steps().get(Integer.parseInt(student.getAttribute("#quiz", "data-seq")) - 1);
        assertThat(FlowPage.litBox(student)).as("the packet waits where it is").isEqualTo(FlowPage.box(trace.steps().get(asked.seq() - 2)));
        assertThat(student.locator("#events li:visible").count()).as("the list does not tell what comes next")
                .isEqualTo(asked.seq() - 1);

        Page reader = open(plain.substring(base().length()));
        FlowPage.finished(reader);
        assertThat(reader.isVisible("#quiz")).as("a link without quiz opens as before").isFalse();
        reader.waitForCondition(() -> !reader.textContent("#position").startsWith("hop 1 "));
    }

    @Test
    void aQuizInPresenterModeAsksInBigType() {
        Trace trace = trace("ebtables-mac-filter");
        Page page = open("/?preset=ebtables-mac-filter#quiz&present");
        page.waitForSelector("#quiz[data-view=ask]");
        assertThat(page.evaluate("() => document.documentElement.classList.contains('presenting')")).isEqualTo(true);
        assertThat(fontSize(page, "#quiz .quiz-choice")).as("answers a class can read").isGreaterThanOrEqualTo(18);
        assertThat(fontSize(page, "#quiz .quiz-question")).isGreaterThanOrEqualTo(20);
        Browser.screenshot(page, "quiz-presenter-ask");
        Step step = trace.steps().get(Integer.parseInt(page.getAttribute("#quiz", "data-seq")) - 1);
        page.keyboard().press("PageDown"); // a clicker: focuses the answers, does not step
        assertThat(page.evaluate("() => document.activeElement.classList.contains('quiz-choice')")).isEqualTo(true);
        assertThat(page.getAttribute("#quiz .quiz-body", "data-kind")).isEqualTo("box");
        chooseByKeyboard(page, FlowPage.box(step), " ");
        page.waitForSelector("#quiz[data-view=told]");
        assertThat(page.textContent("#quiz .quiz-why")).isEqualTo(TraceMessages.ENGLISH.render(step.reason(), step.notes()));
        Browser.screenshot(page, "quiz-presenter-told");
    }

    @Test
    void aQuizFitsAPhone() {
        Page page = open("/?preset=docker-wan-published#quiz", 390, 844);
        page.waitForSelector("#quiz[data-view=ask]");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
        for (var choice : page.locator("#quiz .quiz-choice").all()) {
            var bounds = choice.boundingBox();
            assertThat(bounds.x + bounds.width).isLessThanOrEqualTo(390);
            assertThat(bounds.height).as("a finger's size").isGreaterThanOrEqualTo(44);
        }
        Browser.screenshot(page, "quiz-phone-ask");
    }

    /** → (and a clicker's PageDown), End and the event list's ↓ do not step past a question: → focuses the answers. */
    private static void keysDoNotSkipTheQuestion(Page page, Step step) {
        String position = page.textContent("#position");
        page.keyboard().press("End");
        page.click("#forward");
        page.focus("#events");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowRight");
        assertThat(page.textContent("#position")).isEqualTo(position);
        assertThat(page.getAttribute("#quiz", "data-view")).isEqualTo("ask");
        assertThat(page.getAttribute("#quiz", "data-seq")).isEqualTo(String.valueOf(step.seq()));
        assertThat(page.evaluate("() => document.activeElement.classList.contains('quiz-choice')"))
                .as("→ asks: the answers take the focus").isEqualTo(true);
    }

    /** → to the answers, Tab to the one wanted, then Enter or space chooses it, as on any button. */
    private static void chooseByKeyboard(Page page, String value, String key) {
        page.keyboard().press("ArrowRight");
        for (int i = 0; i < 6 && !value.equals(page.evaluate("() => document.activeElement.dataset.value")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("() => document.activeElement.dataset.value")).isEqualTo(value);
        page.keyboard().press(key);
    }

    /** The panel once it has something to say: a question, an answer explained, the end. */
    private static String nextView(Page page) {
        page.waitForSelector("#quiz[data-view=ask], #quiz[data-view=told], #quiz[data-view=done]");
        return page.getAttribute("#quiz", "data-view");
    }

    private static Trace trace(String preset) {
        return Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve(preset + ".json"))));
    }

    private static double fontSize(Page page, String selector) {
        return ((Number) page.evaluate("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)",
                selector)).doubleValue();
    }
}
