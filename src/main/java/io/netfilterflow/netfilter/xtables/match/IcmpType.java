package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.problem.InvalidValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ICMP type with a range of codes, as {@code --icmp-type} selects it ({@code struct ipt_icmp}).
 * Type 255 with the full code range stands for {@code any}.
 */
public record IcmpType(int type, int codeMin, int codeMax) {

    public static final IcmpType ANY = new IcmpType(0xff, 0, 0xff);

    /** The names libipt_icmp knows, in its table's order. */
    private static final Map<String, IcmpType> NAMES = new LinkedHashMap<>();
    /** The original spelling of the few mixed-case names ({@code TOS-host-redirect}). */
    private static final Map<String, String> CASED = new java.util.HashMap<>();

    static {
        name("any", 0xff, 0, 0xff);
        name("echo-reply", 0, 0, 0xff);
        name("pong", 0, 0, 0xff);
        name("destination-unreachable", 3, 0, 0xff);
        name("network-unreachable", 3, 0, 0);
        name("host-unreachable", 3, 1, 1);
        name("protocol-unreachable", 3, 2, 2);
        name("port-unreachable", 3, 3, 3);
        name("fragmentation-needed", 3, 4, 4);
        name("source-route-failed", 3, 5, 5);
        name("network-unknown", 3, 6, 6);
        name("host-unknown", 3, 7, 7);
        name("network-prohibited", 3, 9, 9);
        name("host-prohibited", 3, 10, 10);
        name("TOS-network-unreachable", 3, 11, 11);
        name("TOS-host-unreachable", 3, 12, 12);
        name("communication-prohibited", 3, 13, 13);
        name("host-precedence-violation", 3, 14, 14);
        name("precedence-cutoff", 3, 15, 15);
        name("source-quench", 4, 0, 0xff);
        name("redirect", 5, 0, 0xff);
        name("network-redirect", 5, 0, 0);
        name("host-redirect", 5, 1, 1);
        name("TOS-network-redirect", 5, 2, 2);
        name("TOS-host-redirect", 5, 3, 3);
        name("echo-request", 8, 0, 0xff);
        name("ping", 8, 0, 0xff);
        name("router-advertisement", 9, 0, 0xff);
        name("router-solicitation", 10, 0, 0xff);
        name("time-exceeded", 11, 0, 0xff);
        name("ttl-exceeded", 11, 0, 0xff);
        name("ttl-zero-during-transit", 11, 0, 0);
        name("ttl-zero-during-reassembly", 11, 1, 1);
        name("parameter-problem", 12, 0, 0xff);
        name("ip-header-bad", 12, 0, 0);
        name("required-option-missing", 12, 1, 1);
        name("timestamp-request", 13, 0, 0xff);
        name("timestamp-reply", 14, 0, 0xff);
        name("address-mask-request", 17, 0, 0xff);
        name("address-mask-reply", 18, 0, 0xff);
    }

    private static void name(String name, int type, int min, int max) {
        if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            CASED.put(name.toLowerCase(java.util.Locale.ROOT), name);
        }
        NAMES.put(name.toLowerCase(java.util.Locale.ROOT), new IcmpType(type, min, max));
    }

    /** A name ({@code echo-request}), a type ({@code 8}) or {@code type/code} ({@code 3/4}). */
    public static IcmpType parse(String text) {
        IcmpType named = NAMES.get(text.toLowerCase(java.util.Locale.ROOT));
        if (named != null) {
            return named;
        }
        int slash = text.indexOf('/');
        try {
            if (slash < 0) {
                return new IcmpType(bounded(Integer.parseInt(text)), 0, 0xff);
            }
            int code = bounded(Integer.parseInt(text.substring(slash + 1)));
            return new IcmpType(bounded(Integer.parseInt(text.substring(0, slash))), code, code);
        } catch (NumberFormatException e) {
            throw new InvalidValue("rules.unknown-icmp-type", text);
        }
    }

    private static int bounded(int value) {
        if (value < 0 || value > 255) {
            throw new InvalidValue("rules.icmp-out-of-range", value);
        }
        return value;
    }

    public boolean matches(int packetType, int packetCode) {
        if (type == 0xff) {
            return true;
        }
        return packetType == type && packetCode >= codeMin && packetCode <= codeMax;
    }

    /** The first name the table gives this type and code range (what ebtables prints), else the number. */
    public String displayName() {
        return name().orElse(toString());
    }

    /** The first name the table gives exactly this type and code range. */
    public java.util.Optional<String> name() {
        for (Map.Entry<String, IcmpType> entry : NAMES.entrySet()) {
            if (entry.getValue().equals(this)) {
                return java.util.Optional.of(CASED.getOrDefault(entry.getKey(), entry.getKey()));
            }
        }
        return java.util.Optional.empty();
    }

    /** As libipt_icmp's save prints it: numeric, {@code any} for the wildcard. */
    @Override
    public String toString() {
        if (type == 0xff) {
            return "any";
        }
        return codeMin != 0 || codeMax != 0xff ? type + "/" + codeMin : Integer.toString(type);
    }
}
