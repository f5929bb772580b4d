package io.netfilterflow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** What a person sees, in Debian's headless Chromium: the diagram lit hop by hop, the inspector, the banners. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FlowPageBrowserTest extends BrowserPages {

    private static final Path PRESET = Path.of("src/main/resources/scenarios/docker-wan-published.json");

    private Page page;

    @BeforeEach
    void openThePreset() {
        page = open("/?preset=docker-wan-published");
    }

    @Test
    void wanToPublishedPortLightsExactlyTheTracesStagesInOrder() throws IOException {
        Trace trace = Simulator.run(ScenarioReader.read(Files.readString(PRESET)));
        // a frame received or sent lights the port of its device
        List<String> expected = trace.steps().stream().map(FlowPage::box).toList();
        int natPrerouting = indexOf(trace, StepKind.NAT, "PREROUTING");

        run();
        page.keyboard().press("Home");
        List<String> lit = new ArrayList<>();
        for (int hop = 0; hop < trace.steps().size(); hop++) {
            lit.add(litBox());
            if (hop == natPrerouting - 1) {
                assertThat(field("destination")).isEqualTo("10.99.0.5:8080");
            }
            if (hop == natPrerouting) {
                assertThat(field("destination")).isEqualTo("172.17.0.3:80");
                assertThat(page.getAttribute("#inspector tr[data-field=destination]", "class")).contains("changed");
                assertThat(page.textContent("#inspector tr[data-field=destination] .was")).contains("10.99.0.5:8080");
            }
            page.keyboard().press("ArrowRight");
        }

        assertThat(lit).isEqualTo(expected);
        assertThat(page.textContent(".banner[data-flow='2'] .outcome")).isEqualTo("Packet 2: delivered to wan");
        assertThat(page.textContent(".banner[data-flow='1'] .outcome")).isEqualTo("Packet 1: delivered to c2");
        Browser.screenshot(page, "wan-to-published-port");
        recordPageFigures();
    }

    @Test
    void inspectorMarksTheDecidingRuleWithItsLine() {
        run();
        // the event list jumps: nat PREROUTING's row opens into its hops, then the DNAT rule in the DOCKER chain
        eventRow("iptables nat PREROUTING").click();
        eventRow("iptables nat DOCKER").click();

        assertThat(litBox()).isEqualTo("ip:nat:PREROUTING");
        assertThat(page.textContent("#inspector ol.rules li.decided .line")).isEqualTo("line 28");
        assertThat(page.textContent("#inspector ol.rules li.decided code"))
                .isEqualTo("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.3:80");
        assertThat(page.textContent("#why")).startsWith("DNAT:");
    }

    @Test
    void aRuleCommentWithScriptIsShownAsText() throws IOException {
        String comment = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
        String rules = page.inputValue("textarea[name=iptables]").replace("-A DOCKER-USER -j RETURN",
                "-A DOCKER-USER -m comment --comment \"" + comment.replace("\"", "\\\"") + "\" -j RETURN");
        page.click("#edit");
        page.fill("textarea[name=iptables]", rules);
        page.fill("input[name=title]", "<b>bold?</b> title");
        page.click("#editor-close");

        run();
        eventRow("iptables filter FORWARD").click();
        eventRow("iptables filter DOCKER-USER").click();

        assertThat(page.textContent("#inspector ol.rules li.decided code")).contains(comment.replace("\"", "\\\""));
        assertThat(page.locator("#inspector script, #inspector img, #events script").count()).isZero();
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(page.textContent("#scenario-title")).isEqualTo("<b>bold?</b> title");
        assertThat(page.locator("header b").count()).isZero();
    }

    /** The inspector lists a chain as the server loaded it: an {@code -I} rule first, with its own line. */
    @Test
    void anInsertedRuleIsListedWhereItRunsWithItsLine() {
        int line = editRules(true, "-I DOCKER-USER 1 -s 10.99.0.100/32 -j RETURN");
        page.click("#editor-close");
        run();
        eventRow("iptables filter FORWARD").click();
        eventRow("iptables filter DOCKER-USER").click();

        assertThat(page.textContent("#inspector ol.rules li.decided .line")).isEqualTo("line " + line);
        assertThat(page.textContent("#inspector ol.rules li.decided code"))
                .isEqualTo("-I DOCKER-USER 1 -s 10.99.0.100/32 -j RETURN");
        List<String> listed = page.locator("#inspector ol.rules li code").allTextContents();
        assertThat(listed).containsSubsequence("-I DOCKER-USER 1 -s 10.99.0.100/32 -j RETURN", "-A DOCKER-USER -j RETURN");
    }

    @Test
    void aRulesLineTheServerRefusesIsShownUnderTheRulesWithItsNumber() {
        int line = editRules(true, "-A FORWARD -p tcp --dport 70000 -j ACCEPT");
        runRefused();

        assertThat(page.textContent(".problem[data-field=iptables]"))
                .isEqualTo("line " + line + ": tcp: --dport: '70000' is not a port number");
        assertThat(page.getAttribute("textarea[name=iptables]", "aria-invalid")).isEqualTo("true");
        assertThat(page.evaluate("() => { const a = document.querySelector('textarea[name=iptables]');"
                + " return a.value.substring(a.selectionStart, a.selectionEnd); }"))
                .isEqualTo("-A FORWARD -p tcp --dport 70000 -j ACCEPT");
        Browser.screenshot(page, "refused-rules-line");
        errors.removeIf(error -> error.contains("status of 400")); // the refused POST, as expected
    }

    @Test
    void anUnsupportedExtensionReachedMidStreamIsNamedWithItsLine() {
        int line = editRules(false, "-A FORWARD -m bogusmatch --foo 1 -j ACCEPT");
        runRefused();

        assertThat(page.textContent(".problem[data-field=iptables]"))
                .isEqualTo("line " + line + ": the match 'bogusmatch' is not modelled, so this rule cannot be evaluated");
        assertThat(page.textContent("#verdicts .refused")).contains("bogusmatch");
    }

    private void runRefused() {
        page.click("#editor-form button[type=submit]");
        page.waitForSelector("body[data-state=refused]");
    }

    /** Puts {@code rule} in the filter table (last, or first of FORWARD) through the editor; returns its line. */
    private int editRules(boolean last, String rule) {
        List<String> lines = new ArrayList<>(List.of(page.inputValue("textarea[name=iptables]").split("\n", -1)));
        int filter = lines.indexOf("*filter");
        int at = last ? filter + lines.subList(filter, lines.size()).indexOf("COMMIT")
                : filter + lines.subList(filter, lines.size()).indexOf(lines.stream().skip(filter)
                        .filter(text -> text.startsWith("-A FORWARD")).findFirst().orElseThrow());
        lines.add(at, rule);
        page.click("#edit");
        page.fill("textarea[name=iptables]", String.join("\n", lines));
        return at + 1;
    }

    @Test
    void keysPlayPauseAndStepBack() {
        run();
        page.keyboard().press("Home");
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        assertThat(page.textContent("#position")).startsWith("hop 3 of");
        page.keyboard().press("ArrowLeft");
        assertThat(page.textContent("#position")).startsWith("hop 2 of");

        page.keyboard().press(" ");
        assertThat(page.locator("#position")).hasText(Pattern.compile("^hop ([4-9]|\\d\\d) of"));
        page.keyboard().press(" ");
        assertThat(page.getAttribute("#play", "aria-pressed")).isEqualTo("false");
    }

    @Test
    void fitsAFullHdScreenAndMovesWithoutAnimationWhenMotionIsReduced() {
        Page large = open("/?preset=docker-wan-published", new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1920, 1080).setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        large.click("#run");
        large.waitForSelector("body[data-state=done]");
        large.keyboard().press("Home");
        for (int i = 0; i < 9; i++) {
            large.keyboard().press("ArrowRight");
            // no transition: the token is on the lit box's border (where its trail reached it) at once
            assertThat(large.evaluate("() => { const t = document.querySelector('#diagram .token').getBoundingClientRect();"
                    + " const b = document.querySelector('#diagram .node.lit rect').getBoundingClientRect();"
                    + " const x = t.x + t.width / 2, y = t.y + t.height / 2, lane = 8;"
                    + " const inside = x >= b.x - lane && x <= b.right + lane && y >= b.y - lane && y <= b.bottom + lane;"
                    + " const onBorder = Math.min(Math.abs(x - b.x), Math.abs(x - b.right), Math.abs(y - b.y),"
                    + " Math.abs(y - b.bottom)) <= lane;"
                    + " return inside && onBorder; }")).as("hop %d", i + 2).isEqualTo(true);
        }
        assertThat(large.evaluate("() => document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
        assertThat(((Number) large.evaluate("() => document.querySelector('#diagram svg').getBoundingClientRect().width"))
                .doubleValue()).isGreaterThan(1400);
        Browser.screenshot(large, "full-hd-reduced-motion");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
    }

    private void run() {
        FlowPage.run(page);
    }

    /** The first row of the event list that says {@code text}; a chain's row opens into its hops when clicked. */
    private Locator eventRow(String text) {
        return page.locator("#events li", new Page.LocatorOptions().setHasText(text)).first();
    }

    private String litBox() {
        return FlowPage.litBox(page);
    }

    private String field(String name) {
        return page.textContent("#inspector tr[data-field=" + name + "] .value");
    }

    private static int indexOf(Trace trace, StepKind kind, String hook) {
        for (int i = 0; i < trace.steps().size(); i++) {
            Step step = trace.steps().get(i);
            if (step.kind() == kind && hook.equals(step.stage().hook())) {
                return i;
            }
        }
        throw new AssertionError("no " + kind + " step at " + hook);
    }

    /**
     * The page's budget figures, for the closing note and the README: a record, not a timed assertion.
     * The first hop's time is the median of five more runs, the server and page being warm by then.
     */
    private void recordPageFigures() throws IOException {
        List<Double> firstHop = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            run();
            firstHop.add(((Number) page.evaluate("() => performance.getEntriesByName('first-hop-drawn')[0].startTime"
                    + " - performance.getEntriesByName('run')[0].startTime")).doubleValue());
        }
        firstHop.sort(Double::compare);
        long scriptsAndStyles = ((Number) page.evaluate("() => performance.getEntriesByType('resource')"
                + ".filter(r => /\\.(js|css)$/.test(new URL(r.name).pathname))"
                + ".reduce((sum, r) => sum + r.encodedBodySize, 0)")).longValue();
        assertThat(scriptsAndStyles).as("JS and CSS bytes transferred").isLessThanOrEqualTo(150 * 1024);
        Files.writeString(Path.of("target/page-figures.txt"), String.format(Locale.ROOT,
                "first hop drawn %.1f ms after Run (median of 5; %s); JS+CSS transferred %d bytes%n",
                firstHop.get(2), firstHop.stream().map(ms -> String.format(Locale.ROOT, "%.1f", ms)).toList(),
                scriptsAndStyles));
    }
}
