package io.netfilterflow.web;

import io.netfilterflow.netfilter.bridge.EbtChain;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.list.EbtablesListing;
import io.netfilterflow.netfilter.list.IptablesListing;
import io.netfilterflow.netfilter.list.SystemNames;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.RuleCounter;
import io.netfilterflow.trace.TextFormat;
import io.netfilterflow.trace.Trace;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The plain-text forms of a run the API gives: the trace as {@code trace --format text|conformance}
 * prints it, and {@code counters}: every iptables table as {@code iptables -t TABLE -vL} and every
 * ebtables table as {@code ebtables -t TABLE -L --Lc} would show it after the run (the counters of
 * the save text plus what this run's packets added).
 */
enum TraceText {
    TEXT((scenario, trace) -> TextFormat.format(trace)),
    CONFORMANCE((scenario, trace) -> ConformanceFormat.format(trace)),
    COUNTERS(TraceText::counters);

    private final BiFunction<Scenario, Trace, String> printer;

    TraceText(BiFunction<Scenario, Trace, String> printer) {
        this.printer = printer;
    }

    String print(Scenario scenario, Trace trace) {
        return printer.apply(scenario, trace);
    }

    static TraceText of(String name) {
        for (TraceText format : values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "Unknown format '" + name + "': the text forms are text, conformance and counters.");
    }

    private static String counters(Scenario scenario, Trace trace) {
        Map<String, Counters> run = new HashMap<>();
        for (RuleCounter counter : trace.counters()) {
            run.put(key(counter.family(), counter.table(), counter.chain(), counter.line()),
                    new Counters(counter.packets(), counter.bytes()));
        }
        StringBuilder out = new StringBuilder();
        for (IptTable table : scenario.host().iptables().tables()) {
            String name = table.name().saveName();
            Map<String, Counters> saved = saved(table);
            out.append(out.isEmpty() ? "" : "\n").append("# iptables -t ").append(name).append(" -vL\n");
            out.append(IptablesListing.list(table, (chain, line) -> plus(saved.get(key("ip", name, chain, line)),
                    run.get(key("ip", name, chain, line))), SystemNames.system()));
        }
        for (EbtTable table : scenario.host().ebtables().tables()) {
            String name = table.name().saveName();
            Map<String, Counters> saved = saved(table);
            out.append(out.isEmpty() ? "" : "\n").append("# ebtables -t ").append(name).append(" -L --Lc\n");
            out.append(EbtablesListing.list(table, (chain, line) -> plus(saved.get(key("bridge", name, chain, line)),
                    run.get(key("bridge", name, chain, line)))));
        }
        return out.isEmpty() ? "# no iptables or ebtables rules in this scenario\n" : out.toString();
    }

    /** The counters written in the iptables-save text ({@code [packets:bytes]}), where the run starts from. */
    private static Map<String, Counters> saved(IptTable table) {
        Map<String, Counters> saved = new HashMap<>();
        String name = table.name().saveName();
        for (IptChain chain : table.chains()) {
            saved.put(key("ip", name, chain.name(), 0), chain.counters());
            for (IptRule rule : chain.rules()) {
                saved.put(key("ip", name, chain.name(), rule.source().number()), rule.counters());
            }
        }
        return saved;
    }

    /** The counters written in the ebtables-save text ({@code [packets:bytes] -A} or {@code -c}). */
    private static Map<String, Counters> saved(EbtTable table) {
        Map<String, Counters> saved = new HashMap<>();
        for (EbtChain chain : table.chains()) {
            for (EbtRule rule : chain.rules()) {
                saved.put(key("bridge", table.name().saveName(), chain.name(), rule.source().number()), rule.counters());
            }
        }
        return saved;
    }

    private static Counters plus(Counters a, Counters b) {
        Counters x = a == null ? Counters.ZERO : a;
        Counters y = b == null ? Counters.ZERO : b;
        return new Counters(x.packets() + y.packets(), x.bytes() + y.bytes());
    }

    private static String key(String family, String table, String chain, int line) {
        return family + " " + table + " " + chain + " " + line;
    }
}
