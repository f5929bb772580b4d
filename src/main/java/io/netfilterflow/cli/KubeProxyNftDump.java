package io.netfilterflow.cli;

/**
 * Generates what {@code nft list ruleset} prints for kube-proxy's nftables mode ({@code table ip kube-proxy},
 * as pkg/proxy/nftables writes it) with N ClusterIP services of one endpoint each: the services are elements of
 * the {@code service-ips} verdict map, each with a service chain and an endpoint chain. Deterministic; the
 * addresses are {@link KubeProxyDump}'s, so both modes can be timed on the same services.
 */
public final class KubeProxyNftDump {

    private KubeProxyNftDump() {
    }

    public static String generate(int services) {
        StringBuilder out = new StringBuilder(services * 600);
        out.append("table ip kube-proxy {\n\tcomment \"rules for kube-proxy\"\n");
        set(out, "cluster-ips", "ipv4_addr", "Active ClusterIPs", services, i -> KubeProxyDump.clusterIp(i));
        map(out, "service-ips", "ClusterIP, ExternalIP and LoadBalancer IP traffic", services,
                i -> KubeProxyDump.clusterIp(i) + " . tcp . 80 : goto " + serviceChain(i));
        out.append("\n\tmap no-endpoint-services {\n\t\ttype ipv4_addr . inet_proto . inet_service : verdict\n")
                .append("\t\tcomment \"vmap to drop or reject packets to services with no endpoints\"\n\t}\n");
        base(out, "filter-prerouting", "filter", "prerouting", "dstnat - 10", "ct state new jump firewall-check");
        base(out, "filter-input", "filter", "input", "-110", "ct state new jump nodeport-endpoints-check",
                "ct state new jump service-endpoints-check");
        base(out, "filter-forward", "filter", "forward", "-110", "ct state new jump service-endpoints-check",
                "ct state new jump cluster-ips-check");
        base(out, "filter-output", "filter", "output", "-110", "ct state new jump service-endpoints-check",
                "ct state new jump firewall-check");
        base(out, "nat-prerouting", "nat", "prerouting", "dstnat", "jump services");
        base(out, "nat-output", "nat", "output", "-100", "jump services");
        base(out, "nat-postrouting", "nat", "postrouting", "srcnat", "jump masquerading");
        chain(out, "firewall-check", "ip daddr . meta l4proto . th dport vmap @no-endpoint-services");
        chain(out, "nodeport-endpoints-check");
        chain(out, "service-endpoints-check", "ip daddr . meta l4proto . th dport vmap @no-endpoint-services");
        chain(out, "cluster-ips-check",
                "ip daddr @cluster-ips reject comment \"Reject traffic to invalid ports of ClusterIPs\"",
                "ip daddr 10.96.0.0/12 drop comment \"Drop traffic to unallocated ClusterIPs\"");
        chain(out, "mark-for-masquerade", "meta mark set meta mark | 0x00004000");
        chain(out, "masquerading", "meta mark & 0x00004000 == 0x00000000 return",
                "meta mark set meta mark ^ 0x00004000", "masquerade fully-random");
        chain(out, "services", "ip daddr . meta l4proto . th dport vmap @service-ips");
        for (int i = 0; i < services; i++) {
            String pod = KubeProxyDump.podIp(i);
            chain(out, serviceChain(i), "ip daddr " + KubeProxyDump.clusterIp(i)
                    + " tcp dport 80 ip saddr != 10.244.0.0/16 jump mark-for-masquerade",
                    "numgen random mod 1 vmap { 0 : goto " + endpointChain(i) + " }");
            chain(out, endpointChain(i), "ip saddr " + pod + " jump mark-for-masquerade",
                    "meta l4proto tcp dnat to " + pod + ":8080");
        }
        return out.append("}\n").toString();
    }

    static String serviceChain(int i) {
        return "service-" + KubeProxyDump.hash("svc" + i).substring(0, 8) + "-default/svc-" + i + "/tcp/http";
    }

    static String endpointChain(int i) {
        return "endpoint-" + KubeProxyDump.hash("sep" + i).substring(0, 8) + "-default/svc-" + i + "/tcp/http__"
                + KubeProxyDump.podIp(i) + "/8080";
    }

    private static void set(StringBuilder out, String name, String type, String comment, int count,
                            java.util.function.IntFunction<String> element) {
        out.append("\tset ").append(name).append(" {\n\t\ttype ").append(type).append("\n\t\tcomment \"")
                .append(comment).append("\"\n");
        elements(out, count, element, 2);
        out.append("\t}\n");
    }

    private static void map(StringBuilder out, String name, String comment, int count,
                            java.util.function.IntFunction<String> element) {
        out.append("\n\tmap ").append(name).append(" {\n\t\ttype ipv4_addr . inet_proto . inet_service : verdict\n")
                .append("\t\tcomment \"").append(comment).append("\"\n");
        elements(out, count, element, 1);
        out.append("\t}\n");
    }

    /** {@code elements = { a, b,\n\t\t\t     c }}: nft's layout, two addresses or one map element a line. */
    private static void elements(StringBuilder out, int count, java.util.function.IntFunction<String> element,
                                 int perLine) {
        if (count == 0) {
            return;
        }
        out.append("\t\telements = { ");
        for (int i = 0; i < count; i++) {
            out.append(element.apply(i));
            if (i + 1 < count) {
                out.append(i % perLine == perLine - 1 ? ",\n\t\t\t     " : ", ");
            }
        }
        out.append(" }\n");
    }

    private static void base(StringBuilder out, String name, String type, String hook, String priority,
                             String... rules) {
        out.append("\n\tchain ").append(name).append(" {\n\t\ttype ").append(type).append(" hook ").append(hook)
                .append(" priority ").append(priority).append("; policy accept;\n");
        for (String rule : rules) {
            out.append("\t\t").append(rule).append('\n');
        }
        out.append("\t}\n");
    }

    private static void chain(StringBuilder out, String name, String... rules) {
        out.append("\n\tchain ").append(name).append(" {\n");
        for (String rule : rules) {
            out.append("\t\t").append(rule).append('\n');
        }
        out.append("\t}\n");
    }
}
