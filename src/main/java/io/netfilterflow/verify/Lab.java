package io.netfilterflow.verify;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Host;
import io.netfilterflow.host.Listen;
import io.netfilterflow.net.IpProtocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's host built from namespaces on this machine, and everything started in them. Closing
 * it (also from the shutdown hook, on Ctrl-C) stops the processes and deletes the namespaces, which
 * takes their veth pairs and bridges with them; nothing is created in the machine's own namespace.
 */
final class Lab implements AutoCloseable {

    private static final long LISTEN_TIMEOUT_NANOS = 10_000_000_000L;

    private final Names names;
    private final Host host;
    private final List<String> namespaces;
    private final List<Process> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::teardown, "netfilter-flow lab teardown");
    private boolean closed;

    private Lab(Names names, Host host) {
        this.names = names;
        this.host = host;
        this.namespaces = LabPlan.namespaces(names, host);
    }

    /** Builds the host; on any failure what was built is removed before the error is thrown. */
    static Lab build(Host host, ScenarioText text) {
        removeAbandoned();
        Lab lab = new Lab(Names.fresh(), host);
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        try {
            for (LabPlan.Command command : LabPlan.of(lab.names, host, text)) {
                lab.run(command);
            }
            lab.startListeners();
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** One step of the build; none runs once teardown began (Ctrl-C runs it while this thread goes on). */
    private synchronized void run(LabPlan.Command command) {
        if (closed) {
            throw new LabException("interrupted");
        }
        Shell.check(command.argv(), command.stdin());
    }

    String hostNamespace() {
        return names.host();
    }

    String endpointNamespace(String endpoint) {
        int index = 0;
        for (Endpoint peer : host.endpoints()) {
            if (peer.name().equals(endpoint)) {
                return names.endpoint(index);
            }
            index++;
        }
        throw new IllegalArgumentException("no endpoint " + endpoint);
    }

    /** Starts a process inside a namespace; it is stopped when the lab closes. */
    synchronized Process start(String ns, List<String> argv) {
        if (closed) {
            throw new LabException("interrupted");
        }
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        all.addAll(argv);
        try {
            Process process = new ProcessBuilder(all).redirectErrorStream(true).start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new LabException(String.join(" ", all) + ": " + e.getMessage());
        }
    }

    /**
     * A process on the host for each listening port: the kernel completes handshakes, socat answers UDP
     * with the datagram it got. {@code cat} reads it first: a responder that ignores its input (echo)
     * can exit before socat writes it, and socat then gives up on EPIPE without answering.
     */
    private void startListeners() {
        List<Listen> listens = host.listen().stream().sorted(java.util.Comparator.comparing(Listen::toString))
                .toList();
        for (Listen listen : listens) {
            if (listen.proto().equals(IpProtocol.TCP)) {
                start(names.host(), List.of("socat", "-u", "TCP4-LISTEN:" + listen.port() + ",reuseaddr,fork",
                        "OPEN:/dev/null"));
            } else if (listen.proto().equals(IpProtocol.UDP)) {
                start(names.host(), List.of("socat", "UDP4-RECVFROM:" + listen.port() + ",reuseaddr,fork",
                        "EXEC:cat"));
            }
        }
        awaitBound(listens);
    }

    /** Waits until every listener's socket is bound, so the first packet finds it on a busy machine too. */
    private void awaitBound(List<Listen> listens) {
        long deadline = System.nanoTime() + LISTEN_TIMEOUT_NANOS;
        List<Listen> unbound = listens;
        while (!unbound.isEmpty()) {
            String sockets = Shell.check(List.of("ip", "netns", "exec", names.host(), "ss", "-H", "-l", "-n", "-t",
                    "-u"), null);
            unbound = unbound.stream().filter(listen -> !bound(sockets, listen)).toList();
            if (!unbound.isEmpty() && System.nanoTime() > deadline) {
                throw new LabException("listeners did not start within 10 s: " + unbound);
            }
            if (!unbound.isEmpty()) {
                NftMonitor.sleep(20);
            }
        }
    }

    /** {@code ss -H -l -n}: netid, state, queues, then the local address ending in ":port". */
    private static boolean bound(String sockets, Listen listen) {
        String netid = listen.proto().equals(IpProtocol.TCP) ? "tcp" : "udp";
        return sockets.lines().map(line -> line.trim().split("\\s+"))
                .anyMatch(cols -> cols.length >= 5 && cols[0].equals(netid)
                        && cols[4].endsWith(":" + listen.port()));
    }

    @Override
    public void close() {
        teardown();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running this teardown
        }
    }

    private synchronized void teardown() {
        if (closed) {
            return;
        }
        closed = true;
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (String ns : namespaces) {
            Shell.run(List.of("ip", "netns", "del", ns), null);
        }
    }

    /** Deletes namespaces an earlier replay left when its process was killed outright. */
    static void removeAbandoned() {
        Shell.Result list = Shell.run(List.of("ip", "netns", "list"), null);
        for (String line : list.out().split("\n")) {
            String ns = line.split("\\s+")[0];
            long owner = Names.owner(ns);
            if (owner > 0 && ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true)) {
                Shell.run(List.of("ip", "netns", "del", ns), null);
            }
        }
    }
}
