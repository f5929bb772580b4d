package io.netfilterflow.scenario;

import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Host;
import io.netfilterflow.host.Listen;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.host.Sysctls;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.nft.json.NftJsonReader;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.routing.Fib;
import io.netfilterflow.routing.IpRule;
import io.netfilterflow.routing.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a scenario's JSON into a checked {@link Scenario}. Every refusal names the field and its
 * line; unknown fields are refused so that a typo is never silently ignored.
 */
public final class ScenarioReader {

    public static final String SCHEMA = "netfilter-flow/scenario@1";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JsonLines lines;

    private ScenarioReader(JsonLines lines) {
        this.lines = lines;
    }

    public static Scenario read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            var location = e.getLocation();
            throw new ScenarioException(null, location == null ? 0 : location.getLineNr(), 0,
                    Problem.of("scenario.not-json", e.getOriginalMessage()));
        }
        ScenarioReader reader = new ScenarioReader(JsonLines.of(MAPPER, json));
        return reader.scenario(new Node(reader, "", root));
    }

    ScenarioException error(String field, Problem problem) {
        return new ScenarioException(field, lines.line(field), 0, problem);
    }

    private Scenario scenario(Node root) {
        root.allow("schema", "title", "notes", "host", "endpoints", "packets", "seed");
        String schema = root.string("schema", null);
        if (!SCHEMA.equals(schema)) {
            throw error("schema", schema == null ? Problem.of("scenario.schema-missing", SCHEMA)
                    : Problem.of("scenario.schema-wrong", schema, SCHEMA));
        }
        Node hostNode = root.required("host");
        HostReader hostReader = new HostReader(this);
        List<NetDevice> devices = hostReader.interfaces(hostNode.required("interfaces"));
        List<Endpoint> endpoints = new EndpointReader(this).endpoints(root.optional("endpoints"), devices);
        Host host = host(hostNode, hostReader, devices, endpoints);
        List<PacketSpec> packets = new PacketReader(this).packets(root.required("packets"), host);
        long seed = root.optional("seed") == null ? 1 : root.required("seed").integer(0, Long.MAX_VALUE);
        return new Scenario(root.string("title", "untitled scenario"), root.string("notes", ""), host, packets, seed);
    }

    private Host host(Node node, HostReader hostReader, List<NetDevice> devices, List<Endpoint> endpoints) {
        node.allow("hostname", "backend", "listen", "sysctl", "interfaces", "routes", "iptables", "ebtables",
                "nftables", "ipsets", "ipRules");
        Backend backend = node.optional("backend") == null ? Backend.NFT
                : node.required("backend").convert(Backend::parse);
        Sysctls sysctls = hostReader.sysctls(node.optional("sysctl"), devices);
        List<Route> routes = hostReader.routes(node.optional("routes"), devices);
        List<IpRule> ipRules = hostReader.ipRules(node.optional("ipRules"));
        Set<Listen> listen = new LinkedHashSet<>(hostReader.listen(node.optional("listen")));
        Map<String, List<Ipv4Prefix>> ipsets = hostReader.ipsets(node.optional("ipsets"));
        IptablesRuleset iptables = rules(node, "iptables", text -> IptablesSaveParser.parse(text, backend),
                IptablesRuleset.EMPTY);
        EbtablesRuleset ebtables = rules(node, "ebtables", text -> EbtablesSaveParser.parse(text, backend),
                EbtablesRuleset.EMPTY);
        NftProgram nftables = rules(node, "nftables", text -> NftProgram.of(NftJsonReader.parse(text)),
                NftProgram.EMPTY);
        new RulesChecks(this).check(iptables, ebtables, backend, ipsets);
        return new Host(node.string("hostname", "host"), backend, sysctls, devices, Fib.of(devices, routes, ipRules), listen,
                iptables, ebtables, nftables, ipsets, endpoints);
    }

    private <T> T rules(Node host, String field, java.util.function.Function<String, T> parser, T empty) {
        Node node = host.optional(field);
        if (node == null) {
            return empty;
        }
        String text = node.text();
        try {
            return parser.apply(text);
        } catch (RulesSyntaxException e) {
            throw new ScenarioException("host." + field, lines.line("host." + field), e.line(), e.problem());
        }
    }

    /** A JSON value with its field path, for messages. */
    record Node(ScenarioReader reader, String path, JsonNode json) {

        void allow(String... names) {
            if (!json.isObject()) {
                throw reader.error(path, Problem.of("scenario.not-an-object"));
            }
            Set<String> allowed = Set.of(names);
            for (var entry : json.properties()) {
                if (!allowed.contains(entry.getKey())) {
                    throw reader.error(child(entry.getKey()),
                            Problem.of("scenario.unknown-field", entry.getKey(), String.join(", ", names)));
                }
            }
        }

        String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        Node optional(String name) {
            JsonNode value = json.get(name);
            return value == null || value.isNull() ? null : new Node(reader, child(name), value);
        }

        Node required(String name) {
            Node node = optional(name);
            if (node == null) {
                throw reader.error(child(name), Problem.of("scenario.required"));
            }
            return node;
        }

        String string(String name, String fallback) {
            Node node = optional(name);
            return node == null ? fallback : node.text();
        }

        String text() {
            if (!json.isString()) {
                throw reader.error(path, Problem.of("scenario.not-a-string"));
            }
            return json.stringValue();
        }

        long integer(long min, long max) {
            // a number past long's range is refused here, not converted (Jackson would throw)
            if (!json.isIntegralNumber() || !json.canConvertToLong() || json.longValue() < min || json.longValue() > max) {
                throw reader.error(path, Problem.of("scenario.not-a-whole-number", min, max));
            }
            return json.longValue();
        }

        boolean bool() {
            if (!json.isBoolean()) {
                throw reader.error(path, Problem.of("scenario.not-true-or-false"));
            }
            return json.booleanValue();
        }

        List<Node> items() {
            if (!json.isArray()) {
                throw reader.error(path, Problem.of("scenario.not-a-list"));
            }
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                items.add(new Node(reader, path + "[" + i + "]", json.get(i)));
            }
            return items;
        }

        Map<String, Node> entries() {
            if (!json.isObject()) {
                throw reader.error(path, Problem.of("scenario.not-an-object"));
            }
            Map<String, Node> entries = new LinkedHashMap<>();
            for (var entry : json.properties()) {
                entries.put(entry.getKey(), new Node(reader, child(entry.getKey()), entry.getValue()));
            }
            return entries;
        }

        /** The string converted; a conversion's IllegalArgumentException becomes a problem at this field. */
        <T> T convert(java.util.function.Function<String, T> converter) {
            String text = text();
            try {
                return converter.apply(text);
            } catch (IllegalArgumentException e) {
                throw reader.error(path, Problem.of(e));
            }
        }
    }
}
