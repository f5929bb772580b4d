package io.netfilterflow.snapshot;

import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rulesets: iptables from whichever of {@code iptables-nft-save} and {@code iptables-legacy-save} holds rules
 * (the backend with it), ebtables, the native tables of {@code nft -j list ruleset} without those iptables-nft and
 * ebtables-nft made (they are the save texts already), and the {@code hash:ip}/{@code hash:net} ipsets.
 */
final class SnapshotRulesets {

    private static final Set<String> XTABLES = Set.of("filter", "nat", "mangle", "raw", "security", "broute");

    private final JsonNode commands;
    private final List<Problem> report;

    SnapshotRulesets(JsonNode snapshot, List<Problem> report) {
        this.commands = snapshot.path("commands");
        this.report = report;
    }

    void fill(ObjectNode host) {
        String nftSave = text("iptables-nft-save");
        String legacySave = text("iptables-legacy-save");
        boolean legacy = rules("iptables-legacy-save") > 0 && rules("iptables-nft-save") == 0;
        if (rules("iptables-legacy-save") > 0 && rules("iptables-nft-save") > 0) {
            report.add(Problem.of("net.import-two-iptables", rules("iptables-nft-save"), rules("iptables-legacy-save")));
        }
        host.put("backend", legacy ? "legacy" : "nft");
        String iptables = legacy ? legacySave : nftSave;
        if (iptables != null && !iptables.isBlank()) {
            host.put("iptables", iptables);
        }
        String ebtables = text(legacy ? "ebtables-legacy-save" : "ebtables-save");
        if (ebtables != null && !ebtables.isBlank()) {
            host.put("ebtables", ebtables);
        }
        nftables(host, nftSave, ebtables);
        ipsets(host);
    }

    /** The native tables: those iptables-nft and ebtables-nft listed in their save text are left out. */
    private void nftables(ObjectNode host, String iptables, String ebtables) {
        JsonNode items = commands.path("nft").path("output").path("nftables");
        if (!items.isArray()) {
            return;
        }
        ArrayNode kept = SnapshotImport.json().createArrayNode();
        int tables = 0;
        for (JsonNode item : items) {
            String kind = item.propertyNames().iterator().hasNext() ? item.propertyNames().iterator().next() : "";
            JsonNode body = item.path(kind);
            String family = body.path("family").asString("");
            String table = kind.equals("table") ? body.path("name").asString("") : body.path("table").asString("");
            if (!kind.equals("metainfo") && madeByXtables(family, table, iptables, ebtables)) {
                continue;
            }
            tables += kind.equals("table") ? 1 : 0;
            kept.add(item);
        }
        if (tables > 0) {
            ObjectNode ruleset = SnapshotImport.json().createObjectNode();
            ruleset.set("nftables", kept);
            host.put("nftables", SnapshotImport.json().writeValueAsString(ruleset));
        }
    }

    private static boolean madeByXtables(String family, String table, String iptables, String ebtables) {
        if (!XTABLES.contains(table)) {
            return false;
        }
        return switch (family) {
            case "ip" -> iptables != null && iptables.contains("*" + table + "\n");
            case "ip6", "arp" -> true; // ip6tables-nft and arptables-nft: not captured, and never an IPv4 packet's
            case "bridge" -> ebtables != null && ebtables.contains("*" + table + "\n");
            default -> false;
        };
    }

    private void ipsets(ObjectNode host) {
        String save = text("ipset");
        if (save == null) {
            return;
        }
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String line : save.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[0].equals("create")) {
                if (words[2].equals("hash:ip") || words[2].equals("hash:net")) {
                    sets.put(words[1], new ArrayList<>());
                } else {
                    report.add(Problem.of("net.import-ipset-skipped", words[1], words[2]));
                }
            } else if (words.length >= 3 && words[0].equals("add") && sets.containsKey(words[1])) {
                sets.get(words[1]).add(words[2]);
            }
        }
        if (!sets.isEmpty()) {
            ObjectNode node = host.putObject("ipsets");
            sets.forEach((name, members) -> {
                ArrayNode list = node.putArray(name);
                members.forEach(list::add);
            });
        }
    }

    private String text(String command) {
        JsonNode entry = commands.path(command);
        return "ok".equals(entry.path("status").asString("")) && entry.path("output").isString()
                ? entry.path("output").asString() : null;
    }

    private int rules(String command) {
        return commands.path(command).path("rules").asInt(0);
    }
}
