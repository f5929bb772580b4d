package io.netfilterflow.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.Step;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The diagram is drawn from the hook registry, so no step of the simulator lacks its box. */
class DiagramsTest {

    @Test
    void everyStepOfEveryScenarioHasItsBox() {
        int steps = 0;
        for (Path file : Fixtures.scenarios()) {
            Scenario scenario = ScenarioReader.read(Fixtures.read(file));
            Set<String> ids = ids(Diagrams.drawnFor(scenario.host()));
            for (Step step : Simulator.run(scenario).steps()) {
                assertThat(ids).as("%s step %d %s", file, step.seq(), step.stage()).contains(step.node());
                steps++;
            }
        }
        assertThat(steps).isGreaterThan(1000);
    }

    /**
     * A host with native tables is drawn as its kernel registers it: kube-proxy's nftables host has no iptables
     * table, so no iptables box; a hook with nothing registered has no frame; every edge joins two boxes drawn.
     */
    @Test
    void aHostWithNativeTablesIsDrawnAsItsKernelRegistersIt() {
        Scenario kube = ScenarioReader.read(Fixtures.read(Path.of("src/main/resources/scenarios/nftables-kube-proxy.json")));
        Diagram diagram = Diagrams.drawnFor(kube.host());
        Set<String> ids = ids(diagram);
        assertThat(ids).contains("ip:kube-proxy-nat-prerouting:PREROUTING",
                "ip:kube-proxy-filter-forward:FORWARD", "ip:nat:PREROUTING", "ip:conntrack:PREROUTING");
        assertThat(ids).noneMatch(id -> id.matches("ip:(raw|mangle|filter|security):.*"));
        assertThat(diagram.nodes()).filteredOn(node -> node.kind().equals("hook")).allMatch(frame -> frame.span() > 0);
        assertThat(diagram.edges()).allSatisfy(edge -> assertThat(ids).contains(edge.from(), edge.to()));
        for (Path file : Fixtures.scenarios()) {
            Scenario scenario = ScenarioReader.read(Fixtures.read(file));
            Diagram drawn = Diagrams.drawnFor(scenario.host());
            Set<String> drawnIds = ids(drawn);
            assertThat(drawn.edges()).as("%s", file).allSatisfy(edge -> assertThat(drawnIds).contains(edge.from(), edge.to()));
        }
    }

    @Test
    void eachHookShowsItsBoxesInPriorityOrder() {
        for (Backend backend : Backend.values()) {
            Diagram diagram = Diagrams.of(backend);
            Map<String, List<DiagramNode>> groups = diagram.nodes().stream().filter(n -> n.group() != null)
                    .collect(Collectors.groupingBy(DiagramNode::group));
            groups.forEach((group, boxes) -> {
                List<DiagramNode> byColumn = boxes.stream().sorted((a, b) -> a.col() - b.col()).toList();
                assertThat(byColumn).extracting(DiagramNode::priority).as(group).isSortedAccordingTo(Integer::compare);
            });
        }
    }

    @Test
    void theBackendsDifferWhereTheKernelsDo() {
        assertThat(order(Backend.NFT, "ip::INPUT")).containsExactly("mangle", "filter", "nat", "security",
                "conntrack confirm");
        assertThat(order(Backend.LEGACY, "ip::INPUT")).containsExactly("mangle", "filter", "security", "nat",
                "conntrack confirm");
        assertThat(order(Backend.NFT, "bridge::OUTPUT")).containsExactly("filter", "nat");
        assertThat(order(Backend.LEGACY, "bridge::OUTPUT")).containsExactly("nat", "filter");
        assertThat(ids(Diagrams.of(Backend.LEGACY))).contains("bridge:broute:BROUTING");
        assertThat(ids(Diagrams.of(Backend.NFT))).doesNotContain("bridge:broute:BROUTING");
    }

    @Test
    void edgesJoinBoxesThatExistAndNoTwoBoxesShareACell() {
        for (Backend backend : Backend.values()) {
            Diagram diagram = Diagrams.of(backend);
            Set<String> ids = ids(diagram);
            assertThat(diagram.edges()).allSatisfy(edge -> assertThat(ids).contains(edge.from(), edge.to()));
            Set<String> cells = new HashSet<>();
            diagram.nodes().stream().filter(n -> !n.kind().equals("hook")).forEach(node -> {
                assertThat(cells.add(node.col() + "," + node.row())).as(node.id()).isTrue();
                assertThat(node.col()).isBetween(0, diagram.columns() - 1);
                assertThat(node.row()).isBetween(0, diagram.rows() - 1);
            });
        }
    }

    private static List<String> order(Backend backend, String group) {
        return Diagrams.of(backend).nodes().stream().filter(n -> group.equals(n.group()))
                .sorted((a, b) -> a.col() - b.col()).map(DiagramNode::label).toList();
    }

    private static Set<String> ids(Diagram diagram) {
        return diagram.nodes().stream().map(DiagramNode::id).collect(Collectors.toSet());
    }

}
