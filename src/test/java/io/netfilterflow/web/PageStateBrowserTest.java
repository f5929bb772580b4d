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
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** What the page shows stays true to what the reader did: a new preset forgets the old run, keys do what they say. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageStateBrowserTest extends BrowserPages {

    private static final Path PRESETS = Path.of("src/main/resources/scenarios");

    @Test
    void choosingAnotherPresetClearsTheRunOnScreen() {
        Page page = open("/?preset=kubernetes-clusterip");
        FlowPage.run(page);
        page.keyboard().press("End");
        assertThat(page.locator("#events li").count()).isPositive();
        assertThat(page.locator("#verdicts .banner").count()).isPositive();
        assertThat(page.isEnabled("#counters")).isTrue();

        page.selectOption("#preset", "ebtables-mac-filter");
        page.waitForCondition(() -> page.textContent("#scenario-title").startsWith("ebtables"));
        assertThat(page.locator("#events li").count()).as("the old run's hops").isZero();
        assertThat(page.locator("#verdicts .banner").count()).as("the old run's banners").isZero();
        assertThat(page.isEnabled("#counters")).as("counters of a run not made").isFalse();
        assertThat(page.locator("#diagram .node.lit").count()).isZero();
        assertThat(page.getAttribute("body", "data-state")).isNull();
    }

    @Test
    void aDamagedLinkSaysSoAndTheMessageStays() {
        Page page = open("/#s=not-a-scenario-at-all");
        String message = page.textContent("#verdicts .refused");
        assertThat(message).contains("link");
        page.keyboard().press("ArrowRight");
        page.click("#play");
        page.click("#play");
        assertThat(page.textContent("#verdicts .refused")).as("after the page redraws").isEqualTo(message);
        assertThat(page.isVisible("#verdicts .refused")).isTrue();
    }

    @Test
    void theEventListIsOneTabStopWalkedWithUpAndDown() {
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve("docker-wan-published.json"))));
        Page page = open("/?preset=docker-wan-published");
        FlowPage.run(page);
        page.keyboard().press("Home");
        page.focus("#events");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertThat(page.textContent("#position")).isEqualTo("hop 3 of " + trace.steps().size());
        assertThat(page.getAttribute("#events li:nth-child(3)", "aria-current")).isEqualTo("step");
        page.keyboard().press("ArrowUp");
        assertThat(page.textContent("#position")).isEqualTo("hop 2 of " + trace.steps().size());
        assertThat(FlowPage.litBox(page)).isEqualTo(trace.steps().get(1).node());

        page.focus("#preset");
        page.keyboard().press("ArrowRight");
        assertThat(page.textContent("#position")).as("right steps, even from the scenario menu")
                .isEqualTo("hop 3 of " + trace.steps().size());
        assertThat(page.inputValue("#preset")).isEqualTo("docker-wan-published");
        page.keyboard().press("PageDown");
        assertThat(page.textContent("#position")).as("a clicker's next").isEqualTo("hop 4 of " + trace.steps().size());
        page.keyboard().press("PageUp");
        assertThat(page.textContent("#position")).isEqualTo("hop 3 of " + trace.steps().size());
    }

    @Test
    void aDropIsMarkedOnItsBoxWithItsRuleAndNatOnTheBoxThatRewrote() {
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve("kubernetes-clusterip.json"))));
        Step rejected = trace.steps().stream().filter(s -> s.flow() == 3 && "drop".equals(s.verdict())).findFirst()
                .orElseThrow();
        Page page = open("/?preset=kubernetes-clusterip");
        FlowPage.run(page);
        page.keyboard().press("Home");
        assertThat(page.locator("#diagram .mark.drop").count()).as("nothing dropped yet").isZero();
        page.keyboard().press("End");
        String box = "#diagram .node[data-id='" + rejected.node() + "']";
        assertThat(page.locator(box + " .mark.drop").count()).isEqualTo(1);
        assertThat(page.textContent(box + " .mark.drop text")).isEqualTo("✕");
        assertThat(page.textContent(box + " .mark.drop title")).startsWith("iptables line 38: ");
        String nat = trace.steps().stream().filter(s -> s.kind() == StepKind.NAT).findFirst().orElseThrow().node();
        assertThat(page.locator("#diagram .node[data-id='" + nat + "'] .mark.nat").count()).isEqualTo(1);
        Browser.screenshot(page, "kubernetes-end-marks");
    }

    @Test
    void aDownloadedScenarioLoadsBackWithItsEditedTitleAndNotes() throws Exception {
        Page page = open("/?preset=home-router-port-forward");
        page.click("#edit");
        page.fill("input[name=title]", "Port forward, my version");
        page.fill("textarea[name=notes]", "Watch **PREROUTING**: the DNAT happens there.");
        page.click("#editor-form button[type=submit]");
        FlowPage.finished(page);
        assertThat(page.textContent("#notes")).contains("Watch PREROUTING: the DNAT happens there.");
        String saved = FlowPage.export(page, "export-scenario").toString();
        int hops = page.locator("#events li").count();

        Path file = Files.createTempFile("scenario", ".json");
        Files.writeString(file, saved);
        Page fresh = open("/?preset=docker-wan-published");
        fresh.click("#edit");
        fresh.setInputFiles("#scenario-file", file);
        FlowPage.finished(fresh);
        assertThat(fresh.textContent("#scenario-title")).isEqualTo("Port forward, my version");
        assertThat(fresh.textContent("#notes")).contains("the DNAT happens there.");
        assertThat(fresh.locator("#events li").count()).isEqualTo(hops);
        assertThat(fresh.inputValue("#preset")).isEmpty();

        Files.writeString(file, "{ not json");
        fresh.setInputFiles("#scenario-file", file);
        assertThat(fresh.textContent("#verdicts .refused")).contains(file.getFileName().toString())
                .contains("is not a scenario file");
        Files.delete(file);
    }

    @Test
    void bBlanksTheScreenForTheClassAndBringsItBack() {
        Page page = open("/?preset=docker-wan-published");
        page.keyboard().press("p");
        page.keyboard().press("b");
        assertThat(page.evaluate("() => getComputedStyle(document.body, '::after').backgroundColor"))
                .isEqualTo("rgb(0, 0, 0)");
        page.keyboard().press("b");
        assertThat(page.evaluate("() => document.body.classList.contains('blank')")).isEqualTo(false);
    }

    /** A student's phone: nothing off-screen but the diagram, which keeps readable labels and pans sideways. */
    @Test
    void aPhoneReachesEveryControlAndPansTheDiagram() {
        Page page = open("/?preset=docker-wan-published&lang=ko", 390, 844);
        FlowPage.run(page);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"))
                .as("no page overflow: %s", page.evaluate("() => [...document.querySelectorAll('body *')].filter(e =>"
                        + " e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('#diagram'))"
                        + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className"
                        + " + ' ' + Math.round(e.getBoundingClientRect().right))")).isEqualTo(true);
        Object outside = page.evaluate("() => [...document.querySelectorAll('.bar button, .bar select, .bar summary,"
                + " .controls button, .controls input')].filter(e => { const r = e.getBoundingClientRect();"
                + " return r.width > 0 && (r.left < 0 || r.right > innerWidth); }).map(e => e.id || e.tagName)");
        assertThat((List<?>) outside).as("controls off-screen").isEmpty();
        assertThat(page.evaluate("() => { const d = document.getElementById('diagram');"
                + " return d.scrollWidth > d.clientWidth; }")).as("the diagram pans").isEqualTo(true);
        // a box at the far right of the host: the drawing pans to it
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve("docker-wan-published.json"))));
        int right = trace.steps().stream().map(Step::node).toList().indexOf("ip:conntrack-confirm:POSTROUTING");
        page.keyboard().press("Home");
        for (int i = 0; i < right; i++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(FlowPage.litBox(page)).isEqualTo("ip:conntrack-confirm:POSTROUTING");
        assertThat(page.evaluate("() => { const d = document.getElementById('diagram').getBoundingClientRect();"
                + " const b = document.querySelector('#diagram .node.lit rect').getBoundingClientRect();"
                + " return b.left >= d.left && b.right <= d.right; }")).as("the lit box is brought into view").isEqualTo(true);
        double label = ((Number) page.evaluate("() => document.querySelector('#diagram .node .label')"
                + ".getBoundingClientRect().height")).doubleValue();
        assertThat(label).as("a box label's rendered height").isGreaterThanOrEqualTo(10);
        Browser.screenshot(page, "phone-390");
    }

    @Test
    void escapeClosesTheEditorTheMenusAndTheDialogs() {
        Page page = open("/?preset=docker-wan-published");
        page.click("#edit");
        assertThat(page.isVisible("#editor")).isTrue();
        page.focus("textarea[name=iptables]");
        page.keyboard().press("Escape");
        assertThat(page.isVisible("#editor")).isFalse();
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("edit");

        page.click("#export summary");
        assertThat(page.getAttribute("#export", "open")).isNotNull();
        page.keyboard().press("Escape");
        assertThat(page.getAttribute("#export", "open")).isNull();

        FlowPage.run(page);
        page.click("#share");
        assertThat(page.isVisible("#share-dialog")).isTrue();
        page.keyboard().press("Escape");
        assertThat(page.isVisible("#share-dialog")).isFalse();
        page.click("#counters");
        page.waitForSelector("#counters-dialog[open]");
        page.keyboard().press("Escape");
        assertThat(page.isVisible("#counters-dialog")).isFalse();
    }
}
