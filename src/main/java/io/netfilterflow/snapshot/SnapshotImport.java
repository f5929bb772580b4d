package io.netfilterflow.snapshot;

import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.scenario.ScenarioReader;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a host snapshot ({@code netfilter-flow/snapshot@1}, docs/snapshot-format.md) into a scenario: its interfaces,
 * addresses, routes of every table, policy rules, sysctls, rulesets, ipsets and listening ports, with endpoints
 * suggested around it and one packet to start from. What a scenario cannot hold is named in the report, never
 * dropped silently.
 */
public final class SnapshotImport {

    public static final String SCHEMA = "netfilter-flow/snapshot@1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The scenario and what the import could not carry over, or chose for the user. */
    public record Result(ObjectNode scenario, List<Problem> report) {

        public String scenarioText() {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario);
        }
    }

    private SnapshotImport() {
    }

    /** In English, as the CLI writes it. @throws InvalidValue the text is not a snapshot */
    public static Result of(String text) {
        return of(text, ProblemText.ENGLISH);
    }

    /** With the scenario's title and notes in the reader's words. @throws InvalidValue the text is not a snapshot */
    public static Result of(String text, ProblemText words) {
        JsonNode snapshot;
        try {
            snapshot = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidValue("net.import-not-json", e.getOriginalMessage());
        }
        if (snapshot == null || !SCHEMA.equals(snapshot.path("schema").asString(""))) {
            throw new InvalidValue("net.import-not-a-snapshot", SCHEMA);
        }
        List<Problem> report = new ArrayList<>();
        ObjectNode scenario = JSON.createObjectNode();
        scenario.put("schema", ScenarioReader.SCHEMA);
        String hostname = snapshot.path("host").path("hostname").asString("host");
        scenario.put("title", words.render(Problem.of("net.import-title", hostname)));
        scenario.put("notes", words.render(Problem.of("net.import-notes", hostname,
                snapshot.path("capturedAt").asString("?"))));
        ObjectNode host = scenario.putObject("host");
        host.put("hostname", hostname);
        SnapshotInterfaces interfaces = new SnapshotInterfaces(snapshot, report);
        host.set("interfaces", interfaces.toJson());
        SnapshotRouting routing = new SnapshotRouting(snapshot, interfaces, report);
        host.set("routes", routing.routes());
        if (routing.hasOwnRules()) {
            host.set("ipRules", routing.rules());
        }
        host.set("sysctl", new SnapshotSysctls(snapshot, interfaces, report).toJson());
        new SnapshotRulesets(snapshot, report).fill(host);
        host.set("listen", snapshot.path("listen").isArray() ? snapshot.path("listen") : JSON.createArrayNode());
        SnapshotEndpoints endpoints = new SnapshotEndpoints(snapshot, interfaces, routing, report);
        scenario.set("endpoints", endpoints.toJson());
        scenario.set("packets", endpoints.firstPacket());
        checked(scenario, report);
        return new Result(scenario, List.copyOf(report));
    }

    /**
     * Reads the scenario as the simulator would: a ruleset it refuses (an extension it does not model) is left out
     * and named with its reason in the report, so the scenario runs; any other refusal is the import's own fault.
     */
    private static void checked(ObjectNode scenario, List<Problem> report) {
        for (int attempt = 0; attempt < 4; attempt++) {
            try {
                ScenarioReader.read(JSON.writeValueAsString(scenario));
                return;
            } catch (ScenarioException e) {
                String field = e.field().startsWith("host.") ? e.field().substring(5) : e.field();
                ObjectNode host = (ObjectNode) scenario.get("host");
                if (!List.of("iptables", "ebtables", "nftables", "ipsets", "ipRules").contains(field)
                        || !host.has(field)) {
                    throw new InvalidValue("net.import-invalid", e.describe());
                }
                host.remove(field);
                report.add(Problem.of("net.import-field-refused", e.field(), e.rulesLine() > 0
                        ? Problem.of("scenario.at-rules-line", e.field(), e.rulesLine(), e.problem()) : e.problem()));
            }
        }
    }

    static JsonMapper json() {
        return JSON;
    }
}
