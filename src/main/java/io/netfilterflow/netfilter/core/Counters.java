package io.netfilterflow.netfilter.core;

import io.netfilterflow.problem.InvalidValue;

/** Packet and byte counters, as {@code iptables-save -c} and ebtables-save print them. */
public record Counters(long packets, long bytes) {

    public static final Counters ZERO = new Counters(0, 0);
    /**
     * The largest saved counter read. The kernel's are u64; this keeps them in a long with room for
     * what a run adds (4.6 EB), so that a listing's sums cannot overflow. Larger ones are refused.
     */
    public static final long MAX_SAVED = 1L << 62;

    public Counters {
        if (packets < 0 || bytes < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    /** {@code [12:3456]}. */
    public static Counters parseBracketed(String text) {
        if (text.equals("[0:0]")) {
            return ZERO; // what a dump's chains nearly all declare: no numbers to read
        }
        if (text.length() < 5 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            throw new InvalidValue("rules.not-a-counter-pair", text);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidValue("rules.not-a-counter-pair", text);
        }
        long packets = number(text.substring(1, colon));
        long bytes = number(text.substring(colon + 1, text.length() - 1));
        return packets == 0 && bytes == 0 ? ZERO : new Counters(packets, bytes); // [0:0] on most chains of a dump
    }

    public static long number(String text) {
        try {
            long value = Long.parseUnsignedLong(text);
            if (value >= 0 && value <= MAX_SAVED) {
                return value;
            }
            throw new InvalidValue("rules.counter-too-large", text, MAX_SAVED);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue("rules.not-a-counter-value", text);
    }

    public String bracketed() {
        return "[" + packets + ":" + bytes + "]";
    }
}
