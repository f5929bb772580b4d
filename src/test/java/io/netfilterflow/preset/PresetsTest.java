package io.netfilterflow.preset;

import static io.netfilterflow.trace.Disposition.DELIVERED;
import static io.netfilterflow.trace.Disposition.DROPPED;
import static io.netfilterflow.trace.Disposition.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped preset ends as its notes say: each packet's verdict and where it ended, and the
 * stages the notes tell the class to watch, in order (and those it must not meet).
 */
class PresetsTest {

    private static final Path PRESETS = Path.of("src/main/resources/scenarios");
    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

    static {
        expect("docker-host-to-container")
                .ends(1, DELIVERED, "c1").ends(2, DELIVERED, "docker-host")
                .visits(1, "ip output routing", "ip nat OUTPUT", "ip filter OUTPUT", "ip nat POSTROUTING",
                        "bridge filter OUTPUT", "bridge nat POSTROUTING")
                .visits(2, "bridge nat PREROUTING", "ip mangle PREROUTING", "bridge filter INPUT", "ip filter INPUT")
                .never(1, "ip filter FORWARD").never(2, "ip filter FORWARD", "ip nat PREROUTING");
        expect("docker-container-to-container")
                .ends(1, DELIVERED, "c2").ends(2, DELIVERED, "c1")
                .visits(1, "bridge nat PREROUTING", "ip nat PREROUTING", "bridge filter FORWARD",
                        "ip filter DOCKER-ISOLATION-STAGE-1", "ip filter FORWARD", "ip nat POSTROUTING")
                .decides(1, "ip filter FORWARD accept")
                .decides(2, "ip filter FORWARD accept");
        expect("docker-container-to-wan")
                .ends(1, DELIVERED, "wan").ends(2, DELIVERED, "c1")
                .visits(1, "bridge filter INPUT", "ip filter FORWARD", "ip nat POSTROUTING")
                .decides(1, "ip nat POSTROUTING accept")
                .rewrites(1, "ip nat (POSTROUTING)", "172.17.0.2 → 10.99.0.100", "10.99.0.5 → 10.99.0.100")
                .never(2, "ip nat PREROUTING", "ip filter INPUT");
        expect("docker-wan-published")
                .ends(1, DELIVERED, "c2").ends(2, DELIVERED, "wan")
                .visits(1, "ip nat PREROUTING", "ip nat DOCKER", "ip routing", "ip filter DOCKER", "bridge nat POSTROUTING")
                .decides(1, "ip nat DOCKER accept", "ip filter DOCKER accept")
                .rewrites(1, "ip nat (PREROUTING)", "10.99.0.100:55586 → 10.99.0.5:8080", "10.99.0.100:55586 → 172.17.0.3:80")
                .never(1, "ip filter INPUT");
        expect("docker-nat-table")
                .ends(1, DELIVERED, "c1").ends(3, DELIVERED, "c1").ends(5, DELIVERED, "c1")
                .ends(7, DELIVERED, "docker-host").ends(9, DELIVERED, "wan").ends(10, DELIVERED, "c1")
                .decides(1, "ip nat DOCKER accept").decides(3, "ip nat DOCKER accept")
                .decides(7, "ip nat DOCKER return").decides(9, "ip nat POSTROUTING accept")
                .rewrites(3, "ip nat (PREROUTING)", "→ 10.99.0.5:9736", "→ 172.17.0.2:9736")
                .never(2, "ip nat DOCKER");
        expect("udp-dnat-router")
                .ends(1, DELIVERED, "laptop").ends(2, DELIVERED, "desktop")
                .ends(3, DELIVERED, "amd-server").ends(4, DELIVERED, "desktop")
                .visits(1, "ip nat PREROUTING", "ip routing", "ip filter FORWARD", "ip nat POSTROUTING")
                .rewrites(1, "ip nat (PREROUTING)", "192.168.0.2:40001 → 192.168.1.9:9999", "192.168.0.2:40001 → 192.168.1.8:9999")
                .rewrites(2, "ip nat (POSTROUTING)", "192.168.1.8:9999 → 192.168.0.2:40001", "192.168.1.9:9999 → 192.168.0.2:40001")
                .decides(3, "ip filter INPUT continue", "ip filter INPUT policy accept")
                .never(1, "ip filter INPUT");
        expect("home-router-port-forward")
                .ends(1, DELIVERED, "nas").ends(3, DELIVERED, "internet")
                .ends(4, DELIVERED, "laptop").ends(5, DROPPED, "ip filter INPUT").decidedByPolicy(5)
                .decides(1, "ip nat PREROUTING accept", "ip filter FORWARD accept")
                .decides(3, "ip filter FORWARD accept", "ip nat POSTROUTING accept")
                .rewrites(3, "ip nat (POSTROUTING)", "192.168.0.20:40003 →", "203.0.113.2:40003 →")
                .decides(4, "ip filter FORWARD accept")
                .decides(5, "ip filter INPUT policy drop");
        expect("bridge-nf-call-iptables-on")
                .ends(1, DELIVERED, "c2").ends(2, DELIVERED, "c1")
                .visits(1, "bridge nat PREROUTING", "ip raw PREROUTING", "ip conntrack (PREROUTING)", "bridge filter FORWARD",
                        "ip filter FORWARD", "bridge nat POSTROUTING", "ip nat POSTROUTING");
        expect("bridge-nf-call-iptables-off")
                .ends(1, DELIVERED, "c2").ends(2, DELIVERED, "c1")
                .visits(1, "bridge nat PREROUTING", "bridge filter FORWARD", "bridge nat POSTROUTING")
                .never(1, "ip raw PREROUTING", "ip conntrack (PREROUTING)", "ip filter FORWARD", "ip nat POSTROUTING")
                .never(2, "ip raw PREROUTING", "ip filter FORWARD");
        expect("raw-notrack")
                .ends(1, DELIVERED, "docker-host").ends(2, DELIVERED, "wan").ends(3, DROPPED, "ip filter INPUT").decidedByPolicy(3)
                .decides(1, "ip raw PREROUTING continue", "ip filter INPUT accept")
                .never(1, "ip nat PREROUTING").never(2, "ip nat POSTROUTING")
                .visits(3, "ip nat PREROUTING", "ip filter INPUT")
                .decides(3, "ip filter INPUT policy drop");
        expect("mangle-mark-forward")
                .ends(1, DELIVERED, "internet").ends(2, DELIVERED, "laptop")
                .ends(3, DROPPED, "ip filter FORWARD").decidedByPolicy(3)
                .decides(1, "ip mangle PREROUTING continue", "ip filter FORWARD accept")
                .marks(1, "ip filter FORWARD", "0x1")
                .decides(3, "ip filter FORWARD policy drop");
        expect("ebtables-mac-filter")
                .ends(1, DROPPED, "bridge filter FORWARD").decidedBy(1, "ebtables", 5).ends(2, DELIVERED, "c1")
                .ends(3, DELIVERED, "wan").ends(4, DELIVERED, "c1")
                .decides(1, "bridge filter FORWARD drop")
                .visits(3, "bridge filter INPUT", "ip filter FORWARD").never(3, "bridge filter FORWARD");
        expect("ebtables-dnat")
                .ends(1, DROPPED, "c3")
                .decides(1, "bridge nat PREROUTING accept")
                .outOf(1, "veth_c3");
        expect("ebtables-broute-legacy")
                .ends(1, DELIVERED, "docker-host").ends(3, DELIVERED, "c2").ends(4, DELIVERED, "c1")
                .decides(1, "bridge broute BROUTING drop")
                .visits(1, "ip raw PREROUTING", "ip filter INPUT")
                .never(1, "bridge nat PREROUTING", "bridge filter INPUT")
                .inOn(1, "ip filter INPUT", "veth_c1")
                .visits(3, "bridge broute BROUTING", "bridge nat PREROUTING", "bridge filter FORWARD", "ip filter FORWARD");
        expect("kubernetes-clusterip")
                .ends(1, DELIVERED, "web-2").ends(2, DELIVERED, "client")
                .ends(3, REJECTED, "ip filter KUBE-SERVICES").decidedBy(3, "iptables", 38).ends(4, DELIVERED, "client")
                .visits(1, "ip nat PREROUTING", "ip nat KUBE-SERVICES", "ip nat KUBE-SVC-LOLE4ISW44XBNF3G",
                        "ip nat KUBE-SEP-IT2ZTR26TO4XFPTO", "ip filter FORWARD", "ip nat KUBE-POSTROUTING")
                .decides(1, "ip nat KUBE-SEP-IT2ZTR26TO4XFPTO accept")
                .visits(2, "ip conntrack (PREROUTING)", "bridge bridging", "ip filter KUBE-FORWARD", "ip nat (POSTROUTING)")
                .rewrites(2, "ip nat (POSTROUTING)", "10.244.0.6:8080 → 10.244.0.3:40001", "10.96.0.100:80 → 10.244.0.3:40001")
                // REJECT sends its answer, then the kernel drops the packet (NF_DROP), as nft trace reports it
                .decides(3, "ip filter KUBE-SERVICES drop");
        expect("nftables-accept-is-not-final")
                .ends(1, DROPPED, "ip filter FORWARD").decidedByPolicy(1)
                .decides(1, "inet filter forward accept", "ip filter FORWARD policy drop");
        expect("nftables-docker29")
                .ends(1, DELIVERED, "c2").ends(2, DELIVERED, "wan").ends(3, DELIVERED, "wan").ends(4, DELIVERED, "c1")
                .decides(1, "ip docker-bridges nat-PREROUTING jump nat-prerouting-and-output",
                        "ip docker-bridges nat-prerouting-and-output accept",
                        "ip docker-bridges filter-FORWARD jump filter-forward-in__docker0",
                        "ip docker-bridges filter-forward-in__docker0 accept")
                .rewrites(1, "ip nat (PREROUTING)", "10.99.0.100:55586 → 10.99.0.5:8080", "10.99.0.100:55586 → 172.17.0.3:80")
                .decides(3, "ip docker-bridges filter-FORWARD jump filter-forward-out__docker0",
                        "ip docker-bridges nat-postrouting-out__docker0 accept")
                .never(1, "ip filter INPUT");
        expect("nftables-firewalld-docker")
                .ends(1, DELIVERED, "c2").ends(3, DELIVERED, "docker-host").ends(5, REJECTED, "inet firewalld filter_IN_public")
                .decides(1, "ip nat DOCKER accept", "ip filter DOCKER accept", "inet firewalld filter_FORWARD accept")
                .never(1, "inet firewalld nat_PREROUTING")
                .decides(3, "inet firewalld filter_INPUT_ZONES goto filter_IN_public",
                        "inet firewalld filter_IN_public_allow accept")
                .decides(5, "inet firewalld filter_IN_public drop");
        expect("nftables-kube-proxy")
                .ends(1, DELIVERED, "web").ends(2, DELIVERED, "client")
                .ends(3, REJECTED, "ip kube-proxy reject-chain").ends(5, REJECTED, "ip kube-proxy cluster-ips-check")
                .decides(1, "ip kube-proxy services goto service-2QRHZV4L-default/web/tcp/http",
                        "ip kube-proxy endpoint-Q5XWSKJB-default/web/tcp/http__10.244.1.5/8080 accept")
                .rewrites(1, "ip nat (PREROUTING)", "→ 10.96.0.10:80", "→ 10.244.1.5:8080")
                .decides(3, "ip kube-proxy service-endpoints-check goto reject-chain", "ip kube-proxy reject-chain drop")
                .decides(5, "ip kube-proxy cluster-ips-check drop");
        expect("policy-routing-two-uplinks")
                .ends(1, DELIVERED, "isp1").ends(3, DELIVERED, "isp2").ends(5, DELIVERED, "isp2")
                .ends(6, DROPPED, "routing").ends(7, DELIVERED, "laptop")
                .outOf(1, "eth0").outOf(3, "eth1").outOf(5, "eth1");
    }

    static Stream<String> presets() {
        return EXPECTED.keySet().stream();
    }

    @Test
    void everyShippedPresetHasItsExpectationAndNotes() throws Exception {
        List<String> shipped = new ArrayList<>();
        for (Path file : Fixtures.scenarios()) {
            if (file.startsWith(PRESETS)) {
                shipped.add(file.getFileName().toString().replaceFirst("\\.json$", ""));
                JsonNode node = JsonMapper.shared().readTree(Fixtures.read(file));
                assertThat(node.path("notes").asString("")).as("%s notes", file).hasSizeGreaterThan(300);
            }
        }
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void endsAsItsNotesSay(String id) {
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve(id + ".json"))), step -> { });
        EXPECTED.get(id).check(trace);
    }

    private static Expected expect(String id) {
        Expected expected = new Expected();
        EXPECTED.put(id, expected);
        return expected;
    }

    /**
     * {@code ip nat DOCKER} for a chain; {@code ip nat (PREROUTING)} for NAT's or conntrack's own step at
     * a hook; {@code ip routing}, {@code rx} for the others.
     */
    static String name(Stage stage) {
        if (stage.chain() != null) {
            return stage.chainName();
        }
        if (stage.table() != null) {
            return stage.family() + " " + stage.table() + " (" + stage.hook() + ")";
        }
        return stage.family() == null ? stage.hook() : stage.family() + " " + stage.hook();
    }

    /** The checks for one preset, each about one packet (flow) of its trace. */
    private static final class Expected {

        private final List<java.util.function.Consumer<Trace>> checks = new ArrayList<>();

        Expected ends(int flow, Disposition disposition, String where) {
            checks.add(trace -> {
                FlowResult result = flow(trace, flow);
                assertThat(result.disposition() + " " + result.where()).as("packet %d: %s", flow, TraceMessages.ENGLISH.render(result.reason()))
                        .isEqualTo(disposition + " " + where);
            });
            return this;
        }

        /** The stages appear in this order among the packet's steps (others may come between). */
        /** The rule that ended the packet, as the traversal recorded it: which input and line. */
        Expected decidedBy(int flow, String input, int line) {
            checks.add(trace -> {
                FlowResult result = flow(trace, flow);
                assertThat(result.rule()).as("packet %d's deciding rule", flow).isNotNull();
                assertThat(result.rule().input() + " " + result.rule().line()).as("packet %d's deciding rule", flow)
                        .isEqualTo(input + " " + line);
                assertThat(result.reason().code()).isIn(ReasonCode.DROPPED_BY_RULE, ReasonCode.REJECTED_BY_RULE);
            });
            return this;
        }

        /** The packet ended on a chain's policy: no rule decided. */
        Expected decidedByPolicy(int flow) {
            checks.add(trace -> {
                FlowResult result = flow(trace, flow);
                assertThat(result.rule()).as("packet %d's deciding rule", flow).isNull();
                assertThat(result.reason().code()).isEqualTo(ReasonCode.DROPPED_BY_POLICY);
            });
            return this;
        }

        Expected visits(int flow, String... stages) {
            checks.add(trace -> assertThat(stages(trace, flow)).as("stages of packet %d", flow)
                    .containsSubsequence(stages));
            return this;
        }

        Expected never(int flow, String... stages) {
            checks.add(trace -> assertThat(stages(trace, flow)).as("stages of packet %d", flow)
                    .doesNotContainAnyElementsOf(List.of(stages)));
            return this;
        }

        /** These rules or policies decide, in this order, with this verdict ({@code continue} included). */
        Expected decides(int flow, String... decisions) {
            checks.add(trace -> assertThat(decisions(trace, flow)).as("decisions for packet %d", flow)
                    .containsSubsequence(decisions));
            return this;
        }

        /** The packet's header text before and after the first step at this chain that changed it. */
        Expected rewrites(int flow, String stage, String before, String after) {
            checks.add(trace -> {
                List<Step> steps = steps(trace, flow);
                for (int i = 1; i < steps.size(); i++) {
                    Step step = steps.get(i);
                    String was = steps.get(i - 1).packet().summary();
                    if (name(step.stage()).equals(stage) && !step.packet().summary().equals(was)) {
                        assertThat(was).as("before %s", stage).contains(before);
                        assertThat(step.packet().summary()).as("after %s", stage).contains(after);
                        return;
                    }
                }
                throw new AssertionError("packet " + flow + " is not rewritten at " + stage + ": " + stages(trace, flow));
            });
            return this;
        }

        Expected marks(int flow, String stage, String mark) {
            checks.add(trace -> assertThat(steps(trace, flow).stream().filter(s -> name(s.stage()).equals(stage))
                    .map(s -> s.packet().mark())).as("mark at %s", stage).isNotEmpty().allMatch(mark::equals));
            return this;
        }

        Expected inOn(int flow, String stage, String device) {
            checks.add(trace -> assertThat(steps(trace, flow).stream().filter(s -> name(s.stage()).equals(stage))
                    .map(s -> s.packet().in())).as("input device at %s", stage).isNotEmpty().allMatch(device::equals));
            return this;
        }

        Expected outOf(int flow, String device) {
            checks.add(trace -> assertThat(steps(trace, flow).stream().map(s -> s.packet().out()))
                    .as("output devices of packet %d", flow).contains(device));
            return this;
        }

        void check(Trace trace) {
            checks.forEach(check -> check.accept(trace));
        }

        private static FlowResult flow(Trace trace, int flow) {
            return trace.flows().stream().filter(f -> f.flow() == flow).findFirst()
                    .orElseThrow(() -> new AssertionError("no packet " + flow + " in " + trace.flows()));
        }

        private static List<Step> steps(Trace trace, int flow) {
            return trace.steps().stream().filter(s -> s.flow() == flow).toList();
        }

        private static List<String> stages(Trace trace, int flow) {
            List<String> names = new ArrayList<>();
            for (Step step : steps(trace, flow)) {
                String name = name(step.stage());
                if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                    names.add(name);
                }
            }
            return names;
        }

        private static List<String> decisions(Trace trace, int flow) {
            return steps(trace, flow).stream().filter(s -> s.verdict() != null && s.stage().table() != null
                            && (s.kind() == io.netfilterflow.trace.StepKind.RULE || s.kind() == io.netfilterflow.trace.StepKind.POLICY))
                    .map(s -> s.stage().chainName() + " " + s.verdict()).toList();
        }
    }
}
