package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.FlowPage;
import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The diagram as a projector and a student see it, in Debian's Chromium: in presenter mode no text of the
 * drawing is smaller than 14 px at 1280×720 or 18 px at 1920×1080; every edge is orthogonal and crosses no box;
 * every piece of a packet's trail lies on an edge (in the packet's lane); the host's ports are its interfaces.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiagramBrowserTest extends BrowserPages {

    private static final List<String> PRESETS = List.of("docker-wan-published", "ebtables-mac-filter",
            "kubernetes-clusterip", "home-router-port-forward", "nftables-kube-proxy");

    /** The smallest text of the drawing as rendered, in CSS px, and the text that has it. */
    private static final String SMALLEST_TEXT = """
            () => {
              let smallest = {size: Infinity, text: ''};
              for (const text of document.querySelectorAll('#diagram svg text')) {
                if (!text.textContent.trim() || !text.getClientRects().length) continue;
                const m = text.getScreenCTM();
                const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
                if (size < smallest.size) smallest = {size, text: text.textContent};
              }
              return smallest;
            }""";

    /** What is wrong with the edges and trails: a slanted segment, a box crossed, a trail off its edge. */
    private static final String ROUTING_FAULTS = """
            () => {
              const points = path => [...path.getAttribute('d').matchAll(/(-?[\\d.]+),(-?[\\d.]+)/g)]
                .map(m => [Number(m[1]), Number(m[2])]);
              const boxes = [...document.querySelectorAll('#diagram g.node:not(.frame)')].map(g => {
                const r = g.querySelector('rect');
                return {id: g.dataset.id, x: +r.getAttribute('x'), y: +r.getAttribute('y'),
                  w: +r.getAttribute('width'), h: +r.getAttribute('height')};
              });
              const faults = [];
              const edges = new Map();
              for (const edge of document.querySelectorAll('#diagram path.edge')) {
                const from = edge.dataset.from, to = edge.dataset.to, line = points(edge);
                edges.set(from + '>' + to, line);
                for (let i = 1; i < line.length; i++) {
                  const [a, b] = [line[i - 1], line[i]];
                  if (Math.abs(a[0] - b[0]) > 0.01 && Math.abs(a[1] - b[1]) > 0.01) faults.push('slanted ' + from + '>' + to);
                  for (const box of boxes) {
                    if (box.id === from || box.id === to) continue;
                    const [l, r] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
                    const [t, btm] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
                    if (r > box.x && l < box.x + box.w && btm > box.y && t < box.y + box.h) {
                      faults.push(from + '>' + to + ' crosses ' + box.id);
                    }
                  }
                }
              }
              const trails = [...document.querySelectorAll('#diagram path.trail')];
              for (const trail of trails) {
                const key = trail.dataset.from + '>' + trail.dataset.to;
                const lane = Number(trail.dataset.lane);
                const line = points(trail);
                const edge = edges.get(key);
                if (!edge) { faults.push('trail on no edge ' + key); continue; }
                const off = line.length !== edge.length
                  || line.some(([x, y], i) => Math.abs(x - lane - edge[i][0]) > 0.05 || Math.abs(y - lane - edge[i][1]) > 0.05);
                if (off) faults.push('trail off its edge ' + key);
              }
              return {faults, trails: trails.length, edges: edges.size};
            }""";

    @Test
    void presenterModeKeepsEveryLabelReadableAtBothProjectorSizes() {
        for (var size : List.of(new int[] {1280, 720, 14}, new int[] {1920, 1080, 18})) {
            for (String preset : PRESETS) {
                Page page = open("/?preset=" + preset + "#hop=12&present", size[0], size[1]);
                page.waitForSelector("#caption strong");
                page.keyboard().press("End");
                page.waitForSelector("body[data-state=done]");
                Map<?, ?> smallest = (Map<?, ?>) page.evaluate(SMALLEST_TEXT);
                assertThat(((Number) smallest.get("size")).doubleValue())
                        .as("%s at %dx%d: smallest text '%s'", preset, size[0], size[1], smallest.get("text"))
                        .isGreaterThanOrEqualTo(size[2] - 0.01);
                var host = page.locator("#diagram .host-edge").boundingBox();
                assertThat(host.width > size[0] * 0.85 || host.height > size[1] * 0.6)
                        .as("%s at %dx%d: the host fills the screen (%.0fx%.0f)", preset, size[0], size[1], host.width,
                                host.height).isTrue();
                assertThat(page.isVisible(".notes")).as("notes only when asked for (N)").isFalse();
                Browser.screenshot(page, "presenter-" + preset + "-" + size[0]);
            }
        }
    }

    /** A quiz on the projector: its panel stands in for the caption, and the drawing keeps its type. */
    @Test
    void aQuizInPresenterModeKeepsTheLabelsReadable() {
        Page page = open("/?preset=docker-wan-published#quiz&present", 1280, 720);
        page.waitForSelector("#quiz[data-view=ask]");
        page.waitForSelector("#diagram svg[data-drawn=true]");
        Map<?, ?> smallest = (Map<?, ?>) page.evaluate(SMALLEST_TEXT);
        assertThat(((Number) smallest.get("size")).doubleValue()).as("smallest text '%s'", smallest.get("text"))
                .isGreaterThanOrEqualTo(14 - 0.01);
        assertThat(page.isVisible("#caption")).isFalse();
    }

    @Test
    void trailsFollowTheEdgesWhichNeverCrossABox() {
        for (String preset : PRESETS) {
            Page page = open("/?preset=" + preset, 1920, 1080);
            FlowPage.run(page);
            page.keyboard().press("End");
            page.waitForSelector("#diagram svg[data-drawn=true]");
            Map<?, ?> routing = (Map<?, ?>) page.evaluate(ROUTING_FAULTS);
            assertThat((List<?>) routing.get("faults")).as(preset).isEmpty();
            assertThat(((Number) routing.get("trails")).intValue()).as(preset + " trails").isGreaterThan(5);
            assertThat(page.locator("#diagram path.trail.answer").count()).as(preset + ": answers are dashed")
                    .isGreaterThan(0);
        }
    }

    /** A box clicked shows its chain's rules with the run's counters and the packets that went through it. */
    @Test
    void aBoxClickedShowsItsRulesWithCountersAndThePacketsItSaw() throws Exception {
        Trace trace = Simulator.run(ScenarioReader.read(Files.readString(Path.of(
                "src/main/resources/scenarios/docker-wan-published.json"))));
        String box = "ip:nat:PREROUTING";
        List<Integer> packets = trace.steps().stream().filter(step -> FlowPage.box(step).equals(box))
                .map(Step::flow).distinct().toList();
        RuleCounter jump = trace.counters().stream().filter(c -> c.table().equals("nat") && c.chain().equals("PREROUTING")
                && c.line() > 0).findFirst().orElseThrow();

        Page page = open("/?preset=docker-wan-published", 1920, 1080);
        FlowPage.run(page);
        page.keyboard().press("End");
        page.click("#diagram g.node[data-id='" + box + "'] rect");
        assertThat(page.textContent("#inspector .where")).isEqualTo("iptables nat PREROUTING");
        assertThat(page.locator("#inspector ul.visits li").allTextContents()).hasSize(packets.size())
                .allSatisfy(text -> assertThat(packets).anyMatch(flow -> text.contains("Packet " + flow + " ")));
        assertThat(page.textContent("#inspector ol.rules li[data-line='" + jump.line() + "'] .counter"))
                .isEqualTo(jump.packets() + " pkts, " + jump.bytes() + " bytes");
        page.click("#inspector ul.visits li button");
        assertThat(FlowPage.litBox(page)).as("a packet's link goes to its first hop there").isEqualTo(box);

        // two fingers on a phone, or ctrl and the wheel, zoom the drawing; a double click puts it back
        page.mouse().move(900, 300);
        page.keyboard().down("Control");
        page.mouse().wheel(0, -400);
        page.keyboard().up("Control");
        page.waitForCondition(() -> String.valueOf(page.getAttribute("#diagram g.view", "transform")).contains("scale"));
        page.mouse().dblclick(900, 300);
        page.waitForCondition(() -> String.valueOf(page.getAttribute("#diagram g.view", "transform")).contains("scale(1)"));
    }

    /**
     * A native base chain is a box of its own in its hook's frame, at its priority's place, named as nft names it;
     * the packet lights it, and a click lists its rules as nft printed them, with the run's counters.
     */
    @Test
    void aNativeBaseChainIsABoxInItsHooksFrameAtItsPriority() {
        String box = "inet:filter-forward:FORWARD";
        Page page = open("/?preset=nftables-accept-is-not-final", 1920, 1080);
        FlowPage.run(page);
        assertThat(page.locator("#diagram g.node[data-id='" + box + "'] text tspan").allTextContents())
                .containsExactly("inet filter", "forward (0)");
        assertThat(page.locator("#diagram text.frame-label.ip").allTextContents())
                .contains("iptables + nftables FORWARD", "iptables INPUT");
        assertThat(page.locator("#diagram g.node[data-id='ip:mangle:FORWARD']").count())
                .as("the host is drawn as its kernel registers it: it has no mangle table").isZero();
        assertThat(x(page, box)).as("priority 0 like iptables' filter, and loaded last: before it")
                .isLessThan(x(page, "ip:filter:FORWARD"));
        page.keyboard().press("Home");
        for (int hop = 0; hop < 20 && !"inet:filter-forward:FORWARD".equals(litOrNull(page)); hop++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(FlowPage.litBox(page)).isEqualTo(box);
        assertThat(page.textContent("#hop-caption, #inspector")).contains("nftables inet filter forward");
        page.keyboard().press("End");
        page.click("#diagram g.node[data-id='" + box + "'] rect");
        assertThat(page.textContent("#inspector .where")).isEqualTo("nftables inet filter forward");
        assertThat(page.textContent("#inspector ol.rules")).contains("iifname \"docker0\" oifname \"eth0\" accept");
        assertThat(page.textContent("#inspector ol.rules li[data-line='5'] .counter")).startsWith("1 pkts");
    }

    private static double x(Page page, String id) {
        return ((Number) page.evaluate("id => document.querySelector(`#diagram g.node[data-id='${id}'] rect`)"
                + ".getBoundingClientRect().x", id)).doubleValue();
    }

    private static String litOrNull(Page page) {
        return (String) page.evaluate("() => document.querySelector('#diagram .node.lit')?.dataset.id ?? null");
    }

    @Test
    void theHostsInterfacesArePortsAndItsMachinesAreCabledToThem() {
        Page page = open("/?preset=docker-wan-published", 1920, 1080);
        assertThat(page.locator("#diagram .node.port").allTextContents())
                .containsExactly("lo", "eth0", "veth_c1", "veth_c2");
        assertThat(page.textContent("#diagram .bridge-label")).isEqualTo("docker0");
        assertThat(page.locator("#diagram .endpoint").allTextContents())
                .containsExactly("wan10.99.0.100", "c1172.17.0.2", "c2172.17.0.3");
        page.keyboard().press("End");
        FlowPage.run(page);
        page.keyboard().press("Home");
        assertThat(FlowPage.litBox(page)).as("the SYN enters at eth0").isEqualTo("port:eth0");
        page.keyboard().press("End");
        assertThat(FlowPage.litBox(page)).as("the SYN-ACK leaves at eth0 too").isEqualTo("port:eth0");
        Object leaves = page.evaluate("() => { const t = document.querySelector('#diagram .token').getBoundingClientRect();"
                + " const p = document.querySelector('#diagram .node.lit rect').getBoundingClientRect();"
                + " return Math.abs(t.x + t.width / 2 - (p.x + p.width / 2)) < 12 && Math.abs(t.y + t.height / 2 - p.y) < 12; }");
        assertThat(leaves).as("the token reaches the port from above").isEqualTo(true);
        assertThat(page.textContent("#diagram .token")).isEqualTo("2");
    }
}
