package io.netfilterflow.host;

import io.netfilterflow.problem.InvalidValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kernel switches a packet's path depends on, with the values of a freshly booted Linux that
 * has br_netfilter loaded. Only these names are accepted, so a typo is not silently ignored; besides
 * them, {@code net.ipv4.conf.default.rp_filter} and {@code net.ipv4.conf.<dev>.rp_filter} (the
 * scenario's reader checks that the device exists). A device without its own key takes the default's
 * value, as a device created after the default was set does.
 */
public record Sysctls(Map<String, Integer> values) {

    public static final String IP_FORWARD = "net.ipv4.ip_forward";
    public static final String FORWARDING_ALL = "net.ipv4.conf.all.forwarding";
    public static final String CALL_IPTABLES = "net.bridge.bridge-nf-call-iptables";
    public static final String CALL_ARPTABLES = "net.bridge.bridge-nf-call-arptables";
    public static final String CALL_IP6TABLES = "net.bridge.bridge-nf-call-ip6tables";
    public static final String ROUTE_LOCALNET = "net.ipv4.conf.all.route_localnet";
    public static final String RP_FILTER = "net.ipv4.conf.all.rp_filter";
    public static final String TCP_LOOSE = "net.netfilter.nf_conntrack_tcp_loose";
    public static final String RP_FILTER_DEFAULT = "net.ipv4.conf.default.rp_filter";
    private static final String CONF = "net.ipv4.conf.";
    private static final String RP = ".rp_filter";
    private static final int RP_MAX = 2;

    private static final Map<String, int[]> KNOWN = new LinkedHashMap<>();

    static {
        // name -> {default, max}
        KNOWN.put(IP_FORWARD, new int[] {0, 1});
        KNOWN.put(FORWARDING_ALL, new int[] {0, 1});
        KNOWN.put(CALL_IPTABLES, new int[] {1, 1});
        KNOWN.put(CALL_ARPTABLES, new int[] {1, 1});
        KNOWN.put(CALL_IP6TABLES, new int[] {1, 1});
        KNOWN.put(ROUTE_LOCALNET, new int[] {0, 1});
        KNOWN.put(RP_FILTER, new int[] {0, 2});
        KNOWN.put(TCP_LOOSE, new int[] {1, 1});
    }

    public static final Sysctls DEFAULTS = of(Map.of());

    public Sysctls {
        values = Map.copyOf(values);
    }

    /** The given settings over the defaults; an unknown name or a value out of range is refused. */
    public static Sysctls of(Map<String, Integer> given) {
        Map<String, Integer> values = new LinkedHashMap<>();
        KNOWN.forEach((name, spec) -> values.put(name, spec[0]));
        given.forEach((name, value) -> {
            int[] spec = KNOWN.get(name);
            if (spec == null && rpFilterDevice(name) != null) {
                spec = new int[] {0, RP_MAX};
            }
            if (spec == null) {
                throw new InvalidValue("net.unknown-sysctl", name,
                        String.join(", ", KNOWN.keySet()) + ", " + RP_FILTER_DEFAULT);
            }
            if (value < 0 || value > spec[1]) {
                throw new InvalidValue("net.sysctl-out-of-range", name, spec[1], value);
            }
            values.put(name, value);
        });
        if (given.containsKey(FORWARDING_ALL) && !given.containsKey(IP_FORWARD)) {
            values.put(IP_FORWARD, values.get(FORWARDING_ALL));
        }
        return new Sysctls(values);
    }

    public int get(String name) {
        return values.get(name);
    }

    public boolean ipForward() {
        return get(IP_FORWARD) == 1;
    }

    public boolean callIptables() {
        return get(CALL_IPTABLES) == 1;
    }

    public boolean routeLocalnet() {
        return get(ROUTE_LOCALNET) == 1;
    }

    public int rpFilter() {
        return get(RP_FILTER);
    }

    /**
     * {@code IN_DEV_RPFILTER}: the larger of {@code conf.all.rp_filter} and the device's own value
     * ({@code IN_DEV_MAXCONF}), its key or else {@code conf.default}'s.
     */
    public int rpFilter(String device) {
        return Math.max(rpFilter(), deviceRpFilter(device));
    }

    /** The device's own {@code conf.<dev>.rp_filter}: its key, or {@code conf.default.rp_filter}. */
    public int deviceRpFilter(String device) {
        Integer own = values.get(CONF + device + RP);
        return own != null ? own : values.getOrDefault(RP_FILTER_DEFAULT, 0);
    }

    /** The device a {@code net.ipv4.conf.<dev>.rp_filter} key names ({@code default} too), or null. */
    public static String rpFilterDevice(String name) {
        if (!name.startsWith(CONF) || !name.endsWith(RP) || name.length() <= CONF.length() + RP.length()) {
            return null;
        }
        String device = name.substring(CONF.length(), name.length() - RP.length());
        return device.equals("all") ? null : device;
    }

    public boolean tcpLoose() {
        return get(TCP_LOOSE) == 1;
    }
}
