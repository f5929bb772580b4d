package io.netfilterflow.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the nat table kube-proxy (iptables mode) writes for N ClusterIP services with one
 * endpoint each, exactly as iptables-save prints it: five rules a service. Deterministic, so
 * benchmarks and tests see the same text every time.
 */
public final class KubeProxyDump {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private KubeProxyDump() {
    }

    /**
     * {@code java -cp target/app/netfilter-flow.jar io.netfilterflow.cli.KubeProxyDump 10000 > dump.rules}: the dump
     * {@code bench --whole-process} times, for timing {@code check} or {@code iptables-restore --test} by hand (and
     * what the build's class archive is trained on).
     */
    public static void main(String[] args) {
        System.out.print(generate(Integer.parseInt(args[0])));
    }

    public static String generate(int services) {
        List<String> sepChains = new ArrayList<>(services);
        List<String> svcChains = new ArrayList<>(services);
        Map<String, Integer> serviceOf = new HashMap<>();
        for (int i = 0; i < services; i++) {
            sepChains.add("KUBE-SEP-" + hash("sep" + i));
            svcChains.add("KUBE-SVC-" + hash("svc" + i));
            serviceOf.put(sepChains.get(i), i);
            serviceOf.put(svcChains.get(i), i);
        }
        StringBuilder out = new StringBuilder(services * 700);
        out.append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n")
                .append(":POSTROUTING ACCEPT [0:0]\n:KUBE-MARK-MASQ - [0:0]\n:KUBE-NODEPORTS - [0:0]\n")
                .append(":KUBE-POSTROUTING - [0:0]\n");
        List<String> userChains = new ArrayList<>(sepChains);
        userChains.addAll(svcChains);
        userChains.add("KUBE-SERVICES");
        userChains.sort(null);
        userChains.forEach(chain -> out.append(':').append(chain).append(" - [0:0]\n"));
        out.append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n")
                .append("-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n")
                .append("-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING\n")
                .append("-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n")
                .append("-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n")
                .append("-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0\n")
                .append("-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\"")
                .append(" -j MASQUERADE --random-fully\n");
        // rules grouped by chain in the chains' sorted order, as iptables-save prints them
        for (String chain : userChains) {
            if (chain.equals("KUBE-SERVICES")) {
                for (int i = 0; i < services; i++) {
                    out.append("-A KUBE-SERVICES -d ").append(clusterIp(i)).append("/32 -p tcp -m comment --comment ")
                            .append(quoted(name(i) + " cluster IP")).append(" -m tcp --dport 80 -j ")
                            .append(svcChains.get(i)).append('\n');
                }
                out.append("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be")
                        .append(" the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n");
            } else {
                int i = serviceOf.get(chain);
                if (chain.startsWith("KUBE-SEP-")) {
                    out.append("-A ").append(chain).append(" -s ").append(podIp(i)).append("/32 -m comment --comment ")
                            .append(quoted(name(i))).append(" -j KUBE-MARK-MASQ\n");
                    out.append("-A ").append(chain).append(" -p tcp -m comment --comment ").append(quoted(name(i)))
                            .append(" -m tcp -j DNAT --to-destination ").append(podIp(i)).append(":8080\n");
                } else {
                    out.append("-A ").append(chain).append(" ! -s 10.244.0.0/16 -d ").append(clusterIp(i))
                            .append("/32 -p tcp -m comment --comment ").append(quoted(name(i) + " cluster IP"))
                            .append(" -m tcp --dport 80 -j KUBE-MARK-MASQ\n");
                    out.append("-A ").append(chain).append(" -m comment --comment ")
                            .append(quoted(name(i) + " -> " + podIp(i) + ":8080")).append(" -j ")
                            .append(sepChains.get(i)).append('\n');
                }
            }
        }
        return out.append("COMMIT\n").toString();
    }

    /** The ClusterIP of service i, in 10.96.0.0/12. */
    public static String clusterIp(int i) {
        return "10.96." + (i / 250) + "." + (i % 250 + 1);
    }

    public static String podIp(int i) {
        return "10.244." + (i / 250) + "." + (i % 250 + 2);
    }

    private static String name(int i) {
        return "default/svc-" + i + ":http";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** 16 base32 characters of a SHA-256, as kube-proxy names its chains. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[16];
            for (int i = 0; i < 16; i++) {
                out[i] = BASE32[(digest[i] & 0xff) % 32];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
