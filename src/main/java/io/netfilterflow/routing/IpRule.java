package io.netfilterflow.routing;

import io.netfilterflow.net.Ipv4Prefix;

/**
 * One routing policy rule ({@code struct fib_rule}) as {@code ip rule show} prints it: its priority, selectors
 * ({@code from}, {@code to}, {@code iif}, {@code oif}, {@code fwmark/mask}, {@code not}) and action ({@code lookup}
 * a table, {@code goto} a priority, {@code blackhole}, {@code prohibit}, {@code unreachable}, {@code nop}).
 */
public record IpRule(int priority, boolean not, Ipv4Prefix from, Ipv4Prefix to, String iif, String oif, Long fwmark,
                     long mask, Action action, int target, String text) {

    public enum Action { LOOKUP, GOTO, NOP, BLACKHOLE, PROHIBIT, UNREACHABLE }

    /** {@code fib_rule_match} with {@code fib4_rule_match}: every selector given holds, or, with {@code not}, not all. */
    public boolean matches(FibFlow flow) {
        boolean match = (iif == null || iif.equals(flow.iif()))
                && oif == null // a route lookup here never has an output device: no socket binds one
                && (fwmark == null || ((flow.mark() ^ fwmark) & mask) == 0)
                && (from == null || from.length() == 0 || flow.source() != null && from.contains(flow.source()))
                && (to == null || to.contains(flow.destination()));
        return match != not;
    }

    /** The kernel's three rules, there unless deleted. */
    public static IpRule standard(int priority, int table) {
        return new IpRule(priority, false, null, null, null, null, null, 0, Action.LOOKUP, table,
                priority + ":\tfrom all lookup " + (table == Route.LOCAL ? "local" : table == Route.MAIN ? "main"
                        : "default"));
    }
}
