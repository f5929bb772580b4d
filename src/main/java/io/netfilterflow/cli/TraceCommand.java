package io.netfilterflow.cli;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.TextFormat;
import io.netfilterflow.trace.Trace;
import java.io.PrintStream;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code trace SCENARIO.json [--format text|json|conformance]}: simulates a scenario and prints its trace. */
final class TraceCommand implements Cli.Command {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String file = null;
        String format = "text";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--format") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                err.println("trace: unexpected argument '" + arg + "'");
                return Cli.usage(err, Cli.USAGE);
            }
        }
        if (file == null || !List.of("text", "json", "conformance").contains(format)) {
            err.println(file == null ? "trace: which scenario file?" : "trace: --format is text, json or conformance");
            return Cli.usage(err, Cli.USAGE);
        }
        String json = ScenarioFiles.read(file, err);
        if (json == null) {
            return Cli.INVALID_INPUT;
        }
        Trace trace;
        try {
            Scenario scenario = ScenarioReader.read(json);
            trace = Simulator.run(scenario);
        } catch (ScenarioException | SimulationException e) {
            return ScenarioFiles.refused(file, e, err);
        }
        switch (format) {
            case "json" -> out.println(JSON.writeValueAsString(trace));
            case "conformance" -> out.print(ConformanceFormat.format(trace));
            default -> out.print(TextFormat.format(trace));
        }
        return Cli.OK;
    }
}
