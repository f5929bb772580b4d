package io.netfilterflow.trace;

/**
 * Packets and bytes one rule or policy matched over the whole scenario, like {@code iptables -vL}.
 * {@code line} is 0 for a chain's policy.
 */
public record RuleCounter(String family, String table, String chain, int line, String text, long packets,
                          long bytes) {
}
