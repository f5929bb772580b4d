package io.netfilterflow.cli;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scenario with a large stream, made from the load test's preset: {@code logRules} LOG rules in
 * DOCKER-USER, each a step of every packet and of its answer, and {@code packets} connections, so the
 * stream has {@code packets * (63 + 2 * logRules)} hops of about 700 bytes.
 */
final class LargeScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FORWARD_JUMP = "-A FORWARD -j DOCKER-USER\n";

    private LargeScenario() {
    }

    static byte[] of(byte[] preset, int logRules, int packets) {
        ObjectNode scenario = (ObjectNode) JSON.readTree(preset);
        ObjectNode host = (ObjectNode) scenario.get("host");
        StringBuilder rules = new StringBuilder(FORWARD_JUMP);
        for (int i = 0; i < logRules; i++) {
            rules.append("-A DOCKER-USER -j LOG --log-prefix \"r").append(i).append(" \"\n");
        }
        host.put("iptables", host.get("iptables").asString().replace(FORWARD_JUMP, rules));
        ObjectNode packet = (ObjectNode) scenario.get("packets").get(0);
        ArrayNode all = scenario.putArray("packets");
        for (int i = 0; i < packets; i++) {
            all.add(packet.deepCopy().put("src", "10.99.0.100:" + (20000 + i)));
        }
        scenario.put("title", "load test: " + logRules + " LOG rules, " + packets + " connections");
        return JSON.writeValueAsBytes(scenario);
    }
}
