package io.netfilterflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.SimulationBudget.Limit;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.support.SharedFiles;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work one simulation may cost: counted while it runs, stopped at once over the budget with
 * the budget's name and where, and room enough for every preset and recorded fixture.
 */
class SimulationBudgetTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PING = "{\"from\":\"c1\",\"proto\":\"icmp\",\"dst\":\"10.99.0.100\"}";

    /** FORWARD jumps into D0; each of D0..D(n-2) jumps twice to the next: 2^n walks of the last chain. */
    static String dag(int chains) {
        StringBuilder rules = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int i = 0; i < chains; i++) {
            rules.append(":D").append(i).append(" - [0:0]\n");
        }
        rules.append("-A FORWARD -j D0\n");
        for (int i = 0; i + 1 < chains; i++) {
            rules.append("-A D").append(i).append(" -j D").append(i + 1).append('\n');
            rules.append("-A D").append(i).append(" -j D").append(i + 1).append('\n');
        }
        return rules.append("COMMIT\n").toString();
    }

    static String logFlood(int rules) {
        StringBuilder text = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int i = 0; i < rules; i++) {
            text.append("-A FORWARD -j LOG\n");
        }
        return text.append("COMMIT\n").toString();
    }

    private static String[] packets(int count) {
        String[] packets = new String[count];
        java.util.Arrays.fill(packets, PING);
        return packets;
    }

    @Test
    void aDagOfJumpsStopsAtTheStepBudgetNamingItAndWhere() {
        Scenario scenario = ScenarioBuilder.docker().backend("legacy").iptables(dag(22)).packets(PING).build();
        long start = System.nanoTime();
        List<Step> heard = new ArrayList<>();
        assertThatThrownBy(() -> Simulator.run(scenario, SimulationBudget.DEFAULT, heard::add))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.STEPS);
                    assertThat(e.max()).isEqualTo(SimulationBudget.DEFAULT.maxSteps());
                    assertThat(e.packet()).isEqualTo(1);
                    assertThat(e.stage().hook()).isEqualTo("FORWARD");
                    assertThat(e.stage().table()).isEqualTo("filter");
                    assertThat(e.stage().chain()).startsWith("D");
                    assertThat(e.input()).isEqualTo("iptables");
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).contains("50000 steps (max-steps)", "packet 1",
                            "ip filter " + e.stage().chain() + " (hook FORWARD)", "iptables line " + e.line());
                });
        assertThat(heard).hasSize((int) SimulationBudget.DEFAULT.maxSteps()); // the steps before it, not one more
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void aChainWalkThatMatchesNothingStillSpendsTheRuleEvaluationBudget() {
        StringBuilder rules = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int i = 0; i < 1000; i++) {
            rules.append("-A FORWARD -s 192.0.2.").append(i % 250).append(" -j DROP\n");
        }
        Scenario scenario = ScenarioBuilder.docker().iptables(rules.append("COMMIT\n").toString()).packets(packets(3))
                .build();
        SimulationBudget budget = new SimulationBudget(1_000_000, 1L << 30, 2500);
        assertThatThrownBy(() -> Simulator.run(scenario, budget, step -> { }))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> {
                    assertThat(e.limit()).isEqualTo(Limit.RULE_EVALUATIONS);
                    assertThat(e.packet()).isEqualTo(3);
                    assertThat(e.stage().chain()).isEqualTo("FORWARD");
                    assertThat(e.line()).isEqualTo(4 + 501); // the 2501st rule looked at: packet 3's 501st
                    assertThat(e.getMessage()).contains("2500 rule evaluations (max-rule-evaluations)");
                });
        assertThat(Simulator.run(scenario, new SimulationBudget(1_000_000, 1L << 30, 10_000), step -> { })
                .flows()).isNotEmpty();
    }

    @Test
    void aLogFloodStopsAtTheStepBudgetWithinTwoSeconds() {
        Scenario scenario = ScenarioBuilder.docker().iptables(logFlood(19_993)).packets(packets(200)).build();
        long start = System.nanoTime();
        assertThatThrownBy(() -> Simulator.run(scenario)).isInstanceOfSatisfying(BudgetExceeded.class,
                e -> assertThat(e.packet()).isEqualTo(3));
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void theTraceByteBudgetCountsWhatTheStepsHold() {
        Scenario scenario = ScenarioBuilder.docker().iptables(logFlood(10)).packets(packets(2)).build();
        assertThatThrownBy(() -> Simulator.run(scenario, new SimulationBudget(1000, 10_000, 1000), step -> { }))
                .isInstanceOfSatisfying(BudgetExceeded.class, e -> assertThat(e.limit()).isEqualTo(Limit.TRACE_BYTES));
    }

    @Test
    void everyPresetAndFixtureFitsInTheDefaultBudgetFourTimesOver() {
        long steps = 0;
        long bytes = 0;
        long evaluations = 0;
        for (Path file : Fixtures.scenarios()) {
            WorkMeter work = new WorkMeter(SimulationBudget.DEFAULT);
            Simulator.run(ScenarioReader.read(Fixtures.read(file)), work, step -> { }, sent -> { });
            steps = Math.max(steps, work.steps());
            bytes = Math.max(bytes, work.bytes());
            evaluations = Math.max(evaluations, work.evaluations());
        }
        System.out.printf("largest preset or fixture: %d steps, %d trace bytes, %d rule evaluations%n", steps, bytes,
                evaluations);
        assertThat(Fixtures.scenarios()).hasSizeGreaterThan(40);
        assertThat(steps * 4).isLessThanOrEqualTo(SimulationBudget.DEFAULT.maxSteps());
        assertThat(bytes * 4).isLessThanOrEqualTo(SimulationBudget.DEFAULT.maxTraceBytes());
        assertThat(evaluations * 4).isLessThanOrEqualTo(SimulationBudget.DEFAULT.maxRuleEvaluations());
    }

    @Test
    void everyRealCorpusDumpFitsFourTimesOverWithPacketsThroughIt() {
        Path dir = SharedFiles.require("rulesets");
        long[] most = new long[3];
        int measured = 0;
        for (Path file : SharedFiles.list(dir, ".rules")) {
            String name = file.getFileName().toString();
            if (name.contains("ip6") || name.startsWith("ebtables")) {
                continue;
            }
            Scenario scenario;
            try {
                scenario = ScenarioBuilder.docker().iptables(SharedFiles.read(file)).packets(PING.replace("}",
                        ",\"reply\":true}"), "{\"from\":\"wan\",\"proto\":\"tcp\",\"dst\":\"10.99.0.5:22\"}",
                        "{\"from\":\"c1\",\"proto\":\"udp\",\"dst\":\"172.17.0.3:53\"}").build();
            } catch (ScenarioException refused) {
                continue; // e.g. ipsets the dump names; RulesetCorpusTest covers loading
            }
            WorkMeter work = new WorkMeter(SimulationBudget.DEFAULT);
            try {
                Simulator.run(scenario, work, step -> { }, sent -> { });
            } catch (BudgetExceeded e) {
                throw e;
            } catch (SimulationException unmodelled) {
                continue;
            }
            most[0] = Math.max(most[0], work.steps());
            most[1] = Math.max(most[1], work.bytes());
            most[2] = Math.max(most[2], work.evaluations());
            measured++;
        }
        System.out.printf("largest corpus dump (%d measured): %d steps, %d trace bytes, %d rule evaluations%n",
                measured, most[0], most[1], most[2]);
        assertThat(measured).isGreaterThanOrEqualTo(10);
        assertThat(most[0] * 4).isLessThanOrEqualTo(SimulationBudget.DEFAULT.maxSteps());
        assertThat(most[1] * 4).isLessThanOrEqualTo(SimulationBudget.DEFAULT.maxTraceBytes());
        assertThat(most[2] * 4).isLessThanOrEqualTo(SimulationBudget.DEFAULT.maxRuleEvaluations());
    }

    @Test
    void theByteEstimateIsWithinAFactorOfTwoOfEachHopsJson() {
        for (Path file : Fixtures.scenarios()) {
            for (Step step : Simulator.run(ScenarioReader.read(Fixtures.read(file))).steps()) {
                long json = JSON.writeValueAsBytes(TraceJson.hop(step, TraceMessages.ENGLISH)).length;
                assertThat(TraceSize.of(step)).as(file + " step " + step.seq()).isBetween(json / 2, json * 2);
            }
        }
    }
}
