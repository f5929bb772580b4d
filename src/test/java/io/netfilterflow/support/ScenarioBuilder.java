package io.netfilterflow.support;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Docker host of ../shared/kernel-truth (c1, c2 on docker0, wan on eth0) with the parts a
 * test is about replaced: rules, sysctls, backend, listening ports and packets.
 */
public final class ScenarioBuilder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ObjectNode root;

    private ScenarioBuilder(ObjectNode root) {
        this.root = root;
    }

    public static ScenarioBuilder docker() {
        return new ScenarioBuilder((ObjectNode) JSON.readTree(resource("/scenarios/kernel-truth/c2c-ping/scenario.json")));
    }

    public static String resource(String path) {
        try (InputStream in = ScenarioBuilder.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode host() {
        return (ObjectNode) root.get("host");
    }

    public ScenarioBuilder iptables(String text) {
        host().put("iptables", text);
        return this;
    }

    public ScenarioBuilder nftables(String text) {
        host().put("nftables", text);
        return this;
    }

    public ScenarioBuilder noIptables() {
        host().remove("iptables");
        return this;
    }

    public ScenarioBuilder ebtables(String text) {
        host().put("ebtables", text);
        return this;
    }

    public ScenarioBuilder backend(String backend) {
        host().put("backend", backend);
        return this;
    }

    public ScenarioBuilder sysctl(String name, int value) {
        ((ObjectNode) host().get("sysctl")).put(name, value);
        return this;
    }

    public ScenarioBuilder hostListens(String... ports) {
        ArrayNode list = host().putArray("listen");
        for (String port : ports) {
            list.add(port);
        }
        return this;
    }

    /** Replaces the packets with these JSON objects. */
    public ScenarioBuilder packets(String... packets) {
        ArrayNode list = root.putArray("packets");
        for (String packet : packets) {
            list.add(JSON.readTree(packet));
        }
        return this;
    }

    /** Sets any field by a JSON value, e.g. {@code set("host", "ipsets", "{\"blocked\": [\"10.99.0.100\"]}")}. */
    public ScenarioBuilder set(String parent, String field, String json) {
        JsonNode node = JSON.readTree(json);
        (parent == null ? root : (ObjectNode) root.get(parent)).set(field, node);
        return this;
    }

    public String json() {
        return JSON.writeValueAsString(root);
    }

    public Scenario build() {
        return ScenarioReader.read(json());
    }
}
