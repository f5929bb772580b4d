package io.netfilterflow.verify;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.simulation.Transmission;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a scenario on this machine's kernel and sets what the kernel reported beside what the
 * simulator says: build the host from namespaces, load its rules with the scenario's backend, send
 * what the simulation sent, record {@code nft monitor trace} (nft) or TRACE from the kernel log
 * (legacy), and tear everything down.
 */
public final class Verifier {

    /** How the simulator under test runs a scenario, telling what each sender put on the wire. */
    @FunctionalInterface
    public interface Simulation {
        Trace run(Scenario scenario, Consumer<Transmission> wire);
    }

    public static final Simulation SIMULATOR = (scenario, wire) -> Simulator.run(scenario, step -> { }, wire);

    private Verifier() {
    }

    /**
     * @throws io.netfilterflow.scenario.ScenarioException the scenario is invalid
     * @throws io.netfilterflow.simulation.SimulationException the simulator refuses it (an unmodelled extension)
     * @throws CannotVerifyException this machine cannot replay it
     */
    public static Verification verify(String json, Simulation simulation) {
        Scenario scenario = ScenarioReader.read(json);
        ScenarioText text = ScenarioText.of(json);
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new CannotVerifyException(String.join("; ", problems));
        }
        List<Transmission> sent = new ArrayList<>();
        Trace trace = simulation.run(scenario, sent::add);
        List<String> randomPorts = RandomPorts.in(scenario, trace);
        if (!randomPorts.isEmpty()) {
            throw new CannotVerifyException(String.join("; ", randomPorts));
        }
        List<String> simulated = ConformanceFormat.format(trace).lines().toList();
        try (Lab lab = Lab.build(scenario.host(), text); KernelRecorder recorder = recorder(lab, scenario)) {
            recorder.start();
            Replay.run(lab, recorder, scenario, trace, sent);
            return new Verification(scenario.host().backend().label(), simulated, recorder.lines());
        } catch (LabException e) {
            throw new CannotVerifyException("cannot replay the scenario on this machine: " + e.getMessage());
        }
    }

    /**
     * Why the scenario cannot be replayed here (rules that draw at random; not root, no namespaces, tools
     * missing); empty when it can.
     */
    public static List<String> problems(String json) {
        Scenario scenario = ScenarioReader.read(json);
        ScenarioText text = ScenarioText.of(json);
        List<String> problems = new ArrayList<>(RandomDraws.in(scenario.host().iptables()));
        problems.addAll(RandomDraws.in(scenario.host().nftables()));
        if (scenario.host().backend() == Backend.LEGACY && !scenario.host().nftables().isEmpty()) {
            problems.add("native nftables tables beside the legacy backend: the kernel reports them with nft monitor"
                    + " trace and legacy iptables in its log, and a replay records only one of the two");
        }
        problems.addAll(Preflight.problems(scenario, text.iptables() != null, text.ebtables() != null,
                !text.ipsets().isEmpty()));
        return problems;
    }

    private static KernelRecorder recorder(Lab lab, Scenario scenario) {
        return scenario.host().backend() == Backend.LEGACY
                ? new KernelLog(scenario.host().iptables()) : new NftMonitor(lab);
    }
}
