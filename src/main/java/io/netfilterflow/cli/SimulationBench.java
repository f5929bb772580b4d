package io.netfilterflow.cli;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Times the simulator: one packet with its full trace through Docker's rules, and through the
 * generated kube-proxy dump to its last service; the median of many runs after warm-up.
 */
final class SimulationBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimulationBench() {
    }

    static void run(PrintStream out, double seconds) {
        out.println("netfilter-flow simulator benchmark (median time to simulate one packet with its full trace)");
        Scenario docker = ScenarioReader.read(dockerScenario());
        report(out, "Docker rules: WAN SYN to a published port (DNAT)", docker, seconds);
        int last = BenchCommand.KUBE_SERVICES - 1;
        Scenario kube = ScenarioReader.read(kubeScenario(BenchCommand.KUBE_SERVICES, last));
        report(out, "kube-proxy, " + BenchCommand.KUBE_SERVICES + " services: to the last one ("
                + KubeProxyDump.clusterIp(last) + ")", kube, seconds);
        Scenario kubeNft = ScenarioReader.read(kubeScenario(BenchCommand.KUBE_SERVICES, last, true));
        report(out, "kube-proxy nftables, " + BenchCommand.KUBE_SERVICES + " services: to the last one", kubeNft,
                seconds);
    }

    private static void report(PrintStream out, String label, Scenario scenario, double seconds) {
        int steps = Simulator.run(scenario).steps().size();
        long[] samples = sample(scenario, seconds / 3);
        samples = sample(scenario, seconds);
        Arrays.sort(samples);
        double median = samples[samples.length / 2] / 1000.0;
        double p95 = samples[(int) (samples.length * 0.95)] / 1000.0;
        out.printf(Locale.ROOT, "  %-66s median %9.1f µs  p95 %9.1f µs  (%d steps, %d runs)%n", label, median, p95,
                steps, samples.length);
    }

    private static long[] sample(Scenario scenario, double seconds) {
        long[] samples = new long[1 << 16];
        int count = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end && count < samples.length) {
            long start = System.nanoTime();
            Simulator.run(scenario);
            samples[count++] = System.nanoTime() - start;
        }
        return Arrays.copyOf(samples, Math.max(count, 1));
    }

    private static String dockerScenario() {
        ObjectNode root = (ObjectNode) JSON.readTree(resource("/scenarios/docker-wan-published.json"));
        ((ObjectNode) root.get("packets").get(0)).put("reply", false);
        return JSON.writeValueAsString(root);
    }

    /** A node: clients on eth0, pods routed on cni0, kube-proxy's nat rules; a client opens the last service. */
    static String kubeScenario(int services, int target) {
        return kubeScenario(services, target, false);
    }

    /** The same node with kube-proxy's nftables mode ({@code table ip kube-proxy}) instead of its iptables rules. */
    static String kubeScenario(int services, int target, boolean nftables) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", ScenarioReader.SCHEMA);
        root.put("title", "kube-proxy ClusterIP, " + services + " services" + (nftables ? " (nftables)" : ""));
        ObjectNode host = root.putObject("host");
        host.putObject("sysctl").put("net.ipv4.ip_forward", 1);
        ArrayNode interfaces = host.putArray("interfaces");
        interfaces.addObject().put("name", "lo").put("kind", "loopback").putArray("addresses").add("127.0.0.1/8");
        interfaces.addObject().put("name", "eth0").put("mac", "02:00:0a:00:00:05").putArray("addresses").add("10.0.0.5/24");
        interfaces.addObject().put("name", "cni0").put("mac", "02:00:0a:f4:00:01").putArray("addresses").add("10.244.0.1/16");
        host.putArray("routes").add("10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.5")
                .add("10.244.0.0/16 dev cni0 proto kernel scope link src 10.244.0.1");
        if (nftables) {
            host.put("nftables", KubeProxyNftDump.generate(services));
        } else {
            host.put("iptables", KubeProxyDump.generate(services));
        }
        ArrayNode endpoints = root.putArray("endpoints");
        endpoints.addObject().put("name", "client").put("attach", "eth0").put("mac", "02:00:0a:00:00:64")
                .put("ip", "10.0.0.100/24").put("gateway", "10.0.0.5");
        endpoints.addObject().put("name", "pod").put("attach", "cni0").put("mac", "02:00:0a:f4:00:02")
                .put("ip", KubeProxyDump.podIp(target) + "/16").put("gateway", "10.244.0.1")
                .putArray("listen").add("tcp/8080");
        root.putArray("packets").addObject().put("from", "client").put("proto", "tcp")
                .put("dst", KubeProxyDump.clusterIp(target) + ":80");
        return JSON.writeValueAsString(root);
    }

    private static String resource(String path) {
        try (InputStream in = SimulationBench.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
