package io.netfilterflow.cli;

import java.io.PrintStream;
import java.util.List;

final class BenchCommand implements Cli.Command {
    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return 0;
    }
}
