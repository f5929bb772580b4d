package io.netfilterflow.netfilter.nft.json;

import io.netfilterflow.netfilter.nft.NftFamily;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes the objects of {@code nft -j list ruleset} as the text {@code nft list ruleset} prints for them (each
 * table with its sets and maps, then its chains with their rules), remembering for each line of that text the
 * JSON line of the object it came from. Named objects and flowtables are refused by name, as in text.
 */
final class NftJsonListing {

    private static final Set<String> OBJECTS = Set.of("flowtable", "counter", "quota", "limit", "ct helper",
            "ct timeout", "ct expectation", "secmark", "synproxy", "tunnel");

    /** One object of the {@code nftables} array: its kind ({@code table}, {@code rule} ...), body and line. */
    record Item(String kind, JsonNode body, int line) {
    }

    private record Table(Item item, NftFamily family, List<Item> sets, Map<String, Item> chains,
            Map<String, List<Item>> rules) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Integer> lines = new ArrayList<>();

    String text() {
        return text.toString();
    }

    /** The JSON line of each line of {@link #text()}, by its number from 1. */
    int jsonLine(int textLine) {
        return textLine >= 1 && textLine <= lines.size() ? lines.get(textLine - 1)
                : lines.isEmpty() ? 1 : lines.get(lines.size() - 1);
    }

    static NftJsonListing of(List<Item> items) {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Item item : items) {
            NftJsonExpr at = new NftJsonExpr(item.line());
            switch (item.kind()) {
                case "metainfo" -> {
                }
                case "table" -> {
                    String family = at.text(item.body(), "family");
                    NftFamily known = NftFamily.of(family);
                    if (known == null) {
                        throw new RulesSyntaxException(item.line(), Problem.of("rules.nft-unknown-family", family));
                    }
                    String key = family + " " + at.text(item.body(), "name");
                    if (tables.containsKey(key)) {
                        throw new RulesSyntaxException(item.line(), Problem.of("rules.nft-table-twice", family,
                                at.text(item.body(), "name")));
                    }
                    tables.put(key, new Table(item, known, new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
                }
                case "chain" -> {
                    Table table = table(tables, item, at);
                    table.chains().put(at.text(item.body(), "name"), item);
                    table.rules().put(at.text(item.body(), "name"), new ArrayList<>());
                }
                case "rule" -> {
                    Table table = table(tables, item, at);
                    List<Item> rules = table.rules().get(at.text(item.body(), "chain"));
                    if (rules == null) {
                        throw new RulesSyntaxException(item.line(), Problem.of("rules.nft-no-such-chain",
                                at.text(item.body(), "chain"), table.family() + " " + at.text(table.item().body(), "name")));
                    }
                    rules.add(item);
                }
                case "set", "map" -> table(tables, item, at).sets().add(item);
                default -> throw new RulesSyntaxException(item.line(), OBJECTS.contains(item.kind())
                        ? Problem.of("rules.nft-unsupported-object", item.kind())
                        : Problem.of("rules.nft-unknown-keyword", item.kind(), "nftables JSON"));
            }
        }
        NftJsonListing listing = new NftJsonListing();
        tables.values().forEach(listing::table);
        return listing;
    }

    private static Table table(Map<String, Table> tables, Item item, NftJsonExpr at) {
        String key = at.text(item.body(), "family") + " " + at.text(item.body(), "table");
        Table table = tables.get(key);
        if (table == null) {
            throw new RulesSyntaxException(item.line(), Problem.of("rules.nft-expected",
                    "table " + key + " before its " + item.kind(), item.kind() + " " + at.text(item.body(), "name")));
        }
        return table;
    }

    private void table(Table table) {
        JsonNode body = table.item().body();
        int line = table.item().line();
        NftJsonExpr at = new NftJsonExpr(line);
        add("table " + table.family() + " " + at.text(body, "name") + " {", line);
        if (body.has("comment")) {
            add("\tcomment \"" + at.text(body, "comment") + "\"", line);
        }
        if (body.has("flags") && !at.strings(body.get("flags")).isEmpty()) {
            add("\tflags " + String.join(",", at.strings(body.get("flags"))), line);
        }
        String delimiter = "";
        for (Item set : table.sets()) {
            add(delimiter, set.line(), !delimiter.isEmpty());
            NftJsonSets.write(set, this::add);
            delimiter = "\n";
        }
        for (Item chain : table.chains().values()) {
            add(delimiter, chain.line(), !delimiter.isEmpty());
            chain(table.family(), chain, table.rules().get(new NftJsonExpr(chain.line()).text(chain.body(), "name")));
            delimiter = "\n";
        }
        add("}", line);
    }

    private void chain(NftFamily family, Item chain, List<Item> rules) {
        JsonNode body = chain.body();
        NftJsonExpr at = new NftJsonExpr(chain.line());
        add("\tchain " + at.text(body, "name") + " {", chain.line());
        if (body.has("comment")) {
            add("\t\tcomment \"" + at.text(body, "comment") + "\"", chain.line());
        }
        if (body.has("hook")) {
            String hook = at.text(body, "hook");
            String device = body.has("dev") ? " device \"" + String.join(",", at.strings(body.get("dev"))) + "\"" : "";
            int priority = (int) at.number(body, "prio");
            add("\t\ttype " + at.text(body, "type") + " hook " + hook + device + " priority "
                    + family.priorityName(hook, priority) + "; policy "
                    + (body.has("policy") ? at.text(body, "policy") : "accept") + ";", chain.line());
        }
        for (Item rule : rules) {
            String text = new NftJsonStatements(rule.line(), family).rule(rule.body().get("expr"), rule.body().get("comment"));
            add("\t\t" + text, rule.line());
        }
        add("\t}", chain.line());
    }

    /** Adds a line of text (a line that holds newlines counts each) from the object at {@code jsonLine}. */
    void add(String line, int jsonLine) {
        add(line, jsonLine, true);
    }

    private void add(String line, int jsonLine, boolean write) {
        if (!write) {
            return;
        }
        String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
        text.append(body).append('\n');
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == '\n') {
                lines.add(jsonLine);
            }
        }
    }
}
