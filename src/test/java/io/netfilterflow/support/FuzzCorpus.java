package io.netfilterflow.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fuzz tests mutate: every scenario (presets and recorded fixtures), the iptables-save and
 * ebtables-save texts of the corpus ({@code src/test/resources/rules}, {@code ../shared/rulesets}) and
 * of the scenarios, and the words they are made of, to swap in.
 *
 * @param scenarios scenario JSON texts
 * @param iptables iptables-save texts
 * @param ebtables ebtables-save texts
 * @param tokens words to swap in
 */
public record FuzzCorpus(List<String> scenarios, List<String> iptables, List<String> ebtables, List<String> tokens) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Larger dumps are parsed whole once in a while only, so that a run's time goes to many inputs. */
    public static final int LARGE = 100_000;

    public static FuzzCorpus load() {
        List<String> scenarios = new ArrayList<>();
        List<String> iptables = new ArrayList<>();
        List<String> ebtables = new ArrayList<>();
        Set<String> tokens = new LinkedHashSet<>(Mutator.EXTREMES);
        for (Path file : Fixtures.scenarios()) {
            String text = Fixtures.read(file);
            scenarios.add(text);
            JsonNode root = JSON.readTree(text);
            words(root, tokens);
            JsonNode host = root.get("host");
            addRules(host.get("iptables"), iptables, tokens);
            addRules(host.get("ebtables"), ebtables, tokens);
        }
        for (String table : List.of("iptables", "ebtables")) {
            for (String line : Fixtures.read(Path.of("src/test/resources/rules/" + table + "-extensions.psv")).split("\n")) {
                String[] parts = line.split("\\|");
                if (!line.startsWith("#") && parts.length >= 2) {
                    String text = "*" + parts[0] + "\n" + parts[1] + "\nCOMMIT\n";
                    (table.equals("iptables") ? iptables : ebtables).add(text);
                    tokens.addAll(List.of(parts[1].split(" ")));
                }
            }
        }
        Path shared = Path.of("..", "shared", "rulesets");
        if (Files.isDirectory(shared)) {
            for (Path file : SharedFiles.list(shared, ".rules")) {
                String text = SharedFiles.read(file);
                (file.getFileName().toString().startsWith("ebtables") ? ebtables : iptables).add(text);
            }
        }
        return new FuzzCorpus(scenarios, iptables, ebtables, new ArrayList<>(tokens));
    }

    private static void addRules(JsonNode rules, List<String> texts, Set<String> tokens) {
        if (rules != null && rules.isString() && !rules.stringValue().isBlank()) {
            texts.add(rules.stringValue());
            for (String word : rules.stringValue().split("\\s+")) {
                tokens.add(word);
            }
        }
    }

    private static void words(JsonNode node, Set<String> tokens) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                tokens.add(entry.getKey());
                words(entry.getValue(), tokens);
            }
        } else if (node.isArray()) {
            node.forEach(child -> words(child, tokens));
        } else if (node.isString() && node.stringValue().length() < 64) {
            tokens.add(node.stringValue());
        }
    }
}
