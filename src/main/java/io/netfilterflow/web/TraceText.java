package io.netfilterflow.web;

import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.list.Counted;
import io.netfilterflow.netfilter.list.EbtablesListing;
import io.netfilterflow.netfilter.list.IptablesListing;
import io.netfilterflow.netfilter.save.SystemNames;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.TextFormat;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceMessages;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The plain-text forms of a run the API gives: the trace as {@code trace --format text|conformance}
 * prints it, and {@code counters}: every iptables table as {@code iptables -t TABLE -vL} and every
 * ebtables table as {@code ebtables -t TABLE -L --Lc} would show it after the run (the counters of
 * the save text plus what this run's packets added).
 */
enum TraceText {
    TEXT((scenario, trace, words) -> TextFormat.format(trace, words)),
    /** The kernel's own language: the same in every locale. */
    CONFORMANCE((scenario, trace, words) -> ConformanceFormat.format(trace)),
    COUNTERS((scenario, trace, words) -> counters(scenario, trace));

    private interface Printer {
        String print(Scenario scenario, Trace trace, TraceMessages words);
    }

    private final Printer printer;

    TraceText(Printer printer) {
        this.printer = printer;
    }

    String print(Scenario scenario, Trace trace, TraceMessages words) {
        return printer.print(scenario, trace, words);
    }

    static TraceText of(String name) {
        for (TraceText format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.unknown-format", name));
    }

    private static String counters(Scenario scenario, Trace trace) {
        Map<String, Map<String, Counters>> run = new HashMap<>();
        for (RuleCounter counter : trace.counters()) {
            run.computeIfAbsent(counter.family() + " " + counter.table(), table -> new HashMap<>())
                    .put(counter.chain() + " " + counter.line(), new Counters(counter.packets(), counter.bytes()));
        }
        StringBuilder out = new StringBuilder();
        for (IptTable table : scenario.host().iptables().tables()) {
            String name = table.name().saveName();
            out.append(out.isEmpty() ? "" : "\n").append("# iptables -t ").append(name).append(" -vL\n");
            out.append(IptablesListing.list(table, Counted.saved(table).plus(Counted.of(
                    run.getOrDefault("ip " + name, Map.of()))), SystemNames.system()));
        }
        for (EbtTable table : scenario.host().ebtables().tables()) {
            String name = table.name().saveName();
            out.append(out.isEmpty() ? "" : "\n").append("# ebtables -t ").append(name).append(" -L --Lc\n");
            out.append(EbtablesListing.list(table, Counted.saved(table).plus(Counted.of(
                    run.getOrDefault("bridge " + name, Map.of())))));
        }
        return out.isEmpty() ? "# no iptables or ebtables rules in this scenario\n" : out.toString();
    }
}
