package io.netfilterflow.cli;

import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.verify.CannotVerifyException;
import io.netfilterflow.verify.Verification;
import io.netfilterflow.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code verify SCENARIO.json [--record FILE]}: replays the scenario on this machine's kernel and
 * prints a side-by-side diff with the simulation. Exit 0 identical, 1 different, 3 cannot verify here.
 * {@code --record} writes the kernel's lines, the {@code kernel.trace} of a fixture.
 */
final class VerifyCommand implements Cli.Command {

    static final int DIFFERENT = 1;
    static final int CANNOT_VERIFY = 3;

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String file = null;
        String record = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--record") && i + 1 < args.size()) {
                record = args.get(++i);
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                err.println("verify: unexpected argument '" + arg + "'");
                return Cli.usage(err, Cli.USAGE);
            }
        }
        if (file == null) {
            err.println("verify: which scenario file?");
            return Cli.usage(err, Cli.USAGE);
        }
        String json = ScenarioFiles.read(file, err);
        if (json == null) {
            return Cli.INVALID_INPUT;
        }
        Verification result;
        try {
            result = Verifier.verify(json, Verifier.SIMULATOR);
        } catch (ScenarioException | SimulationException e) {
            return ScenarioFiles.refused(file, e, err);
        } catch (CannotVerifyException e) {
            err.println("verify: cannot verify " + file + " here: " + e.getMessage());
            return CANNOT_VERIFY;
        }
        if (record != null) {
            try {
                Files.writeString(Path.of(record), String.join("\n", result.kernel()) + "\n");
            } catch (IOException e) {
                err.println(record + ": cannot write: " + e.getMessage());
                return Cli.INVALID_INPUT;
            }
        }
        out.print(result.diff());
        if (result.identical()) {
            out.println("identical: " + result.kernel().size() + " lines, the kernel (" + result.backend()
                    + ") and the simulator agree");
            return Cli.OK;
        }
        out.println("different: " + result.simulated().size() + " simulated lines, " + result.kernel().size()
                + " from the kernel (" + result.backend() + "), " + result.inCommon() + " in common");
        return DIFFERENT;
    }
}
