package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.StepKind;
import io.netfilterflow.trace.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The event list reads as a packet's story: a chain's visit (its entry, its rules, its policy, the NAT its box
 * did) is one row showing its verdict, the visit of the current hop opens into its hops, filters narrow it, and
 * the keyboard walks it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventListBrowserTest extends BrowserPages {

    private static final Path PRESETS = Path.of("src/main/resources/scenarios");

    @Test
    void aChainsVisitIsOneRowShowingItsVerdictAndEachChainAppearsOncePerVisit() {
        Trace trace = trace("docker-wan-published");
        Page page = open("/?preset=docker-wan-published");
        FlowPage.run(page);
        page.keyboard().press("End");

        List<Row> rows = rows(page);
        assertThat(rows).hasSize(visits(trace.steps()).size());
        assertThat(rows.size()).as("rows for %d hops", trace.steps().size()).isLessThan(trace.steps().size() * 6 / 10);
        Map<String, Integer> chainRows = new TreeMap<>();
        rows.forEach(row -> chainRows.merge(row.packet() + " " + row.stage(), 1, Integer::sum));
        Map<String, Integer> chainVisits = new TreeMap<>();
        trace.steps().stream().filter(step -> step.kind() == StepKind.CHAIN)
                .forEach(step -> chainVisits.merge("Packet " + step.flow() + " " + chainName(step), 1, Integer::sum));
        assertThat(chainRows).containsAllEntriesOf(chainVisits);

        // the nat PREROUTING visit: entry, the jump, DOCKER's DNAT rule, the rewrite; its row shows the DNAT's verdict
        Row nat = rows.stream().filter(row -> row.stage().equals("iptables nat PREROUTING")).findFirst().orElseThrow();
        List<Step> visit = visits(trace.steps()).stream().filter(v -> v.get(0).seq() == nat.first()).findFirst()
                .orElseThrow();
        assertThat(nat.seq()).isEqualTo(visit.get(0).seq() + "–" + visit.get(visit.size() - 1).seq());
        assertThat(nat.what()).startsWith("accept · DOCKER");

        // a click on the folded row shows the visit's last hop, and the visit opens into its hops
        page.locator("#events li.group", new Page.LocatorOptions().setHasText("iptables nat PREROUTING")).first().click();
        Step last = visit.get(visit.size() - 1);
        assertThat(page.textContent("#position")).isEqualTo("hop " + last.seq() + " of " + trace.steps().size());
        assertThat(rows(page)).hasSize(rows.size() + visit.size() - 1);
        assertThat(page.textContent("#events li[aria-current=step] .seq")).isEqualTo(String.valueOf(last.seq()));
        assertThat(page.locator("#events li", new Page.LocatorOptions().setHasText("iptables nat DOCKER")).count())
                .isEqualTo(1);
        Browser.screenshot(page, "event-list-grouped");
    }

    @Test
    void aPacketFilterShowsOnlyThatPacketsRows() {
        Trace trace = trace("docker-wan-published");
        Page page = open("/?preset=docker-wan-published");
        FlowPage.run(page);
        page.keyboard().press("End");

        page.selectOption("#event-filters select[name=packet]", "2");
        List<Row> rows = rows(page);
        List<List<Step>> visits = visits(trace.steps().stream().filter(step -> step.flow() == 2).toList());
        assertThat(rows).hasSize(visits.size()).allSatisfy(row -> assertThat(row.packet()).isEqualTo("Packet 2"));
        assertThat(rows.get(0).first()).isEqualTo(visits.get(0).get(0).seq());

        page.selectOption("#event-filters select[name=where]", "bridge");
        assertThat(rows(page)).isNotEmpty().allSatisfy(row -> assertThat(row.stage()).startsWith("ebtables "));
        page.selectOption("#event-filters select[name=kind]", "CONNTRACK");
        assertThat(page.locator("#events li").count()).isZero();
        assertThat(page.isVisible("#events-none")).isTrue();
        page.selectOption("#event-filters select[name=where]", "");
        assertThat(rows(page)).hasSize((int) trace.steps().stream()
                .filter(step -> step.flow() == 2 && step.kind() == StepKind.CONNTRACK).count());
    }

    @Test
    void upDownAndEnterWalkTheRowsAndSeek() {
        Trace trace = trace("docker-wan-published");
        int hops = trace.steps().size();
        List<Step> natVisit = visits(trace.steps()).stream()
                .filter(v -> v.get(0).kind() == StepKind.CHAIN && v.get(0).node().equals("ip:nat:PREROUTING"))
                .findFirst().orElseThrow();
        Page page = open("/?preset=docker-wan-published");
        FlowPage.run(page);
        page.keyboard().press("Home");
        page.focus("#events");
        for (int hop = 1; hop < natVisit.get(0).seq(); hop++) {
            page.keyboard().press("ArrowDown");
        }
        assertThat(page.textContent("#position")).isEqualTo("hop " + natVisit.get(0).seq() + " of " + hops);
        assertThat(page.textContent("#events li[aria-current=step] .stage")).isEqualTo("iptables nat PREROUTING");

        page.keyboard().press("Enter");
        Step last = natVisit.get(natVisit.size() - 1);
        assertThat(page.textContent("#position")).as("Enter: the visit's last hop").isEqualTo("hop " + last.seq() + " of " + hops);
        assertThat(FlowPage.litBox(page)).isEqualTo(last.node());

        // with a packet's filter, down goes to that packet's next hop
        page.selectOption("#event-filters select[name=packet]", "2");
        page.focus("#events");
        page.keyboard().press("ArrowDown");
        int second = trace.steps().stream().filter(step -> step.flow() == 2).findFirst().orElseThrow().seq();
        assertThat(page.textContent("#position")).isEqualTo("hop " + second + " of " + hops);
        assertThat(page.getAttribute("#events li:first-child", "aria-current")).isEqualTo("step");
        page.keyboard().press("ArrowUp");
        assertThat(page.textContent("#position")).as("no hop of packet 2 before its first")
                .isEqualTo("hop " + second + " of " + hops);
    }

    /** A row as the reader sees it. */
    record Row(String seq, String packet, String stage, String what) {

        int first() {
            return Integer.parseInt(seq.split("–")[0]);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(Page page) {
        List<Map<String, String>> rows = (List<Map<String, String>>) page.evaluate("() => [...document.querySelectorAll("
                + "'#events li')].map(li => ({seq: li.querySelector('.seq').textContent, packet: li.querySelector("
                + "'.swatch').title, stage: li.querySelector('.stage').textContent, what: li.querySelector('.what')"
                + ".textContent}))");
        return rows.stream().map(r -> new Row(r.get("seq"), r.get("packet"), r.get("stage"), r.get("what"))).toList();
    }

    /** The trace's visits: a chain's entry with the hops after it in the same box for the same packet. */
    private static List<List<Step>> visits(List<Step> steps) {
        List<List<Step>> visits = new ArrayList<>();
        List<Step> visit = null;
        for (Step step : steps) {
            if (visit != null && step.kind() != StepKind.CHAIN && step.seq() == visit.get(visit.size() - 1).seq() + 1
                    && step.flow() == visit.get(0).flow() && step.node().equals(visit.get(0).node())) {
                visit.add(step);
                continue;
            }
            visit = new ArrayList<>(List.of(step));
            visits.add(visit);
            if (step.kind() != StepKind.CHAIN) {
                visit = null;
            }
        }
        return visits;
    }

    private static String chainName(Step step) {
        return (step.stage().family().equals("ip") ? "iptables" : "ebtables") + " " + step.stage().table() + " "
                + step.stage().chain();
    }

    private static Trace trace(String preset) {
        return Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve(preset + ".json"))));
    }
}
