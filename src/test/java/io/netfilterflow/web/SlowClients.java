package io.netfilterflow.web;

import io.netfilterflow.support.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Clients that read their streams slowly or not at all, and the large scenario they ask for. */
final class SlowClients {

    static final String PRESET = Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SlowClients() {
    }

    /**
     * The preset with {@code logRules} LOG rules in DOCKER-USER and {@code packets} connections: each rule is a
     * step of each packet and of its answer, so the stream has {@code packets * (63 + 2 * logRules)} hops.
     */
    static String largeScenario(int logRules, int packets) {
        ObjectNode scenario = (ObjectNode) JSON.readTree(PRESET);
        ObjectNode host = (ObjectNode) scenario.get("host");
        StringBuilder rules = new StringBuilder("-A FORWARD -j DOCKER-USER\n");
        for (int i = 0; i < logRules; i++) {
            rules.append("-A DOCKER-USER -j LOG --log-prefix \"r").append(i).append(" \"\n");
        }
        host.put("iptables", host.get("iptables").asString().replace("-A FORWARD -j DOCKER-USER\n", rules));
        ObjectNode packet = (ObjectNode) scenario.get("packets").get(0);
        ArrayNode all = scenario.putArray("packets");
        for (int i = 0; i < packets; i++) {
            all.add(packet.deepCopy().put("src", "10.99.0.100:" + (20000 + i)));
        }
        return JSON.writeValueAsString(scenario);
    }

    /** Asks for the scenario's stream and never reads a byte of it; the small receive buffer fills at once. */
    static SocketChannel stalled(int port, String scenario) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
        channel.connect(new InetSocketAddress("127.0.0.1", port));
        channel.write(ByteBuffer.wrap(request(port, scenario)));
        return channel;
    }

    static byte[] request(int port, String scenario) {
        byte[] body = scenario.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/simulations HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        byte[] all = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(body, 0, all, head.length(), body.length);
        return all;
    }

    /**
     * Reads what the server sent until the response's last chunk, or until it closes or resets the connection;
     * a read waits at most {@code limit}.
     */
    static String readToEnd(SocketChannel channel, Duration limit) throws IOException {
        channel.socket().setSoTimeout((int) limit.toMillis());
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[64 * 1024];
        var in = channel.socket().getInputStream();
        try {
            while (!text.toString().endsWith("\r\n0\r\n\r\n")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (java.net.SocketException reset) {
            // a connection closed while data was still on its way arrives as a reset
        }
        return text.toString();
    }

    static void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit);
            }
            Thread.sleep(20);
        }
    }
}
