package io.netfilterflow.cli;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.BudgetExceeded;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Trace;
import java.io.PrintStream;

/** How the commands read a scenario file and say what is wrong with it: {@code file:line: reason}. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** The file's text, or null when it cannot be read or is not text (the reason is printed). */
    static String read(String file, PrintStream err) {
        try {
            return TextFiles.read(file);
        } catch (TextFiles.Refused e) {
            err.println(file + ": " + e.getMessage());
            return null;
        }
    }

    /** Prints a refused scenario, a rule the simulator cannot run (with its line) or the budget it went over; exit status 2. */
    /** A scenario and its trace. */
    record Run(Scenario scenario, Trace trace) {
    }

    /** Reads and simulates a scenario file; null after printing why it cannot be read or run. */
    static Run run(String file, PrintStream err) {
        String json = read(file, err);
        if (json == null) {
            return null;
        }
        try {
            Scenario scenario = ScenarioReader.read(json);
            return new Run(scenario, Simulator.run(scenario));
        } catch (ScenarioException | SimulationException e) {
            refused(file, e, err);
            return null;
        }
    }

    static int refused(String file, RuntimeException e, PrintStream err) {
        if (e instanceof ScenarioException scenario) {
            err.println(file + ":" + scenario.jsonLine() + ": " + scenario.describe());
        } else if (e instanceof BudgetExceeded over) {
            err.println(file + ": " + over.getMessage());
        } else if (e instanceof SimulationException simulation) {
            err.println(file + ": host." + simulation.input() + " line " + simulation.line() + ": "
                    + simulation.getMessage());
        } else {
            throw e;
        }
        return Cli.INVALID_INPUT;
    }
}
