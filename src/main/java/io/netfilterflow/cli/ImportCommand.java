package io.netfilterflow.cli;

import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.snapshot.SnapshotImport;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code import SNAPSHOT.json}: the scenario of a host snapshot (what capture.sh wrote) on standard output, and on
 * standard error what could not be carried over and which machines were suggested; exit 2 for a file that is not a
 * snapshot.
 */
final class ImportCommand implements Cli.Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            return Cli.usage(err, Cli.USAGE);
        }
        String file = args.get(0);
        String text;
        try {
            text = TextFiles.read(file);
        } catch (TextFiles.Refused e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Cli.INVALID_INPUT;
        }
        SnapshotImport.Result result;
        try {
            result = SnapshotImport.of(text);
        } catch (InvalidValue e) {
            err.println(file + ": " + ProblemText.ENGLISH.render(e.problem()));
            return Cli.INVALID_INPUT;
        }
        out.println(result.scenarioText());
        for (Problem note : result.report()) {
            err.println(file + ": " + ProblemText.ENGLISH.render(note));
        }
        return Cli.OK;
    }
}
