package io.netfilterflow.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded mutations of scenario JSON and of iptables-save/ebtables-save text, for the fuzz tests: byte
 * flips, token swaps, number extremes, truncations, deleted/duplicated/swapped lines, and JSON
 * structure changes (a value of another type, a field dropped or added, list items duplicated). The
 * same seed gives the same inputs, so a failure is reproduced by its seed and index.
 */
public final class Mutator {

    /** Numbers at the edges of every width a field or an option may be parsed into. */
    static final List<String> EXTREMES = List.of("0", "-1", "1", "7", "255", "256", "65535", "65536", "-65536",
            "2147483647", "2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "123456789012345678901234567890", "1e309", "-0", "0.5", "1E3", "0x7fffffff", "0xffffffffff", "00000000001",
            "NaN", "", "4294967295/4294967295", "0/0", "1:0", "65535:0", "99999:99999", "1-0", "3/0", "[0:0]",
            "[18446744073709551615:18446744073709551616]", "[-1:-1]", "[99999999999999999999:1]");
    private static final List<String> JUNK = List.of("\"", "\\", "{", "}", "[", "]", ",", ":", "\n", "\t", " ",
            "\u0000", "\ud800", "\uffff", "é", "!", "!!", "--", "-", "/", "*", "#", "'", "\\u0000", "\\ud800", "%",
            "-j", "-A", "COMMIT", "*filter", ":X - [0:0]");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Random random;
    private final List<String> tokens;

    /** {@code tokens}: words from the corpus to swap in (options, targets, addresses, names). */
    public Mutator(long seed, List<String> tokens) {
        this.random = new Random(seed);
        this.tokens = tokens;
    }

    public Random random() {
        return random;
    }

    /** One to three text mutations of rules text (or of any text). */
    public String text(String text) {
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            text = textOnce(text);
        }
        return text;
    }

    private String textOnce(String text) {
        if (text.isEmpty()) {
            return pick(JUNK);
        }
        return switch (random.nextInt(10)) {
            case 0 -> flipByte(text);
            case 1, 2 -> swapToken(text, pick(tokens));
            case 3, 4 -> swapNumber(text);
            case 5 -> text.substring(0, random.nextInt(text.length()));
            case 6 -> lines(text, "delete");
            case 7 -> lines(text, random.nextBoolean() ? "duplicate" : "swap");
            case 8 -> insert(text, pick(JUNK));
            default -> swapToken(text, pick(EXTREMES));
        };
    }

    /** A scenario's JSON, mutated as text, as a tree, or inside its rules text. */
    public String scenario(String json) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> text(json);
            case 2, 3, 4 -> tree(json, true);
            default -> tree(json, false);
        };
    }

    private String tree(String json, boolean structure) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (RuntimeException e) {
            return text(json);
        }
        if (!(root instanceof ObjectNode object)) {
            return text(json);
        }
        if (!structure && object.get("host") instanceof ObjectNode host) {
            String field = random.nextBoolean() || !host.has("ebtables") ? "iptables" : "ebtables";
            JsonNode rules = host.get(field);
            host.put(field, text(rules != null && rules.isString() ? rules.stringValue() : ""));
            return JSON.writeValueAsString(root);
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode node) {
            mutateObject(node);
        } else if (target instanceof ArrayNode array) {
            mutateArray(array);
        }
        return JSON.writeValueAsString(root);
    }

    private void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainer()) {
            containers.add(node);
            for (JsonNode child : node.isObject() ? node.values() : node) {
                collect(child, containers);
            }
        }
    }

    private void mutateObject(ObjectNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        String name = names.isEmpty() || random.nextInt(8) == 0 ? pick(tokens) : pick(names);
        if (random.nextInt(4) == 0) {
            node.remove(name);
        } else {
            node.set(name, value(node.get(name)));
        }
    }

    private void mutateArray(ArrayNode array) {
        int size = array.size();
        switch (random.nextInt(4)) {
            case 0 -> {
                if (size > 0) {
                    array.remove(random.nextInt(size));
                }
            }
            case 1 -> {
                if (size > 0) {
                    array.add(array.get(random.nextInt(size)).deepCopy());
                }
            }
            default -> {
                if (size > 0) {
                    int at = random.nextInt(size);
                    array.set(at, value(array.get(at)));
                } else {
                    array.add(value(null));
                }
            }
        }
    }

    /** Another value for a field: its text mutated, a number at an edge, or a value of another type. */
    private JsonNode value(JsonNode old) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (old != null && old.isString() && random.nextBoolean()) {
            return nodes.stringNode(text(old.stringValue()));
        }
        return switch (random.nextInt(9)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(new java.math.BigInteger(pick(List.of("9223372036854775808",
                    "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890"))));
            case 3 -> nodes.numberNode(pick(List.of(0L, -1L, 1L, 255L, 256L, 65535L, 65536L, 4294967296L,
                    Long.MAX_VALUE, Long.MIN_VALUE)));
            case 4 -> nodes.numberNode(pick(List.of(0.5, -1e308, 1e308, Double.MIN_VALUE)));
            case 5 -> nodes.arrayNode().add(old == null ? nodes.nullNode() : old.deepCopy());
            case 6 -> nodes.objectNode().put(pick(tokens), pick(tokens));
            case 7 -> nodes.stringNode(pick(EXTREMES));
            default -> nodes.stringNode(pick(tokens));
        };
    }

    private String flipByte(String text) {
        char[] chars = text.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = random.nextBoolean() ? (char) (chars[at] ^ (1 << random.nextInt(7))) : (char) random.nextInt(128);
        return new String(chars);
    }

    private String swapToken(String text, String replacement) {
        String[] words = text.split(" ", -1);
        words[random.nextInt(words.length)] = replacement;
        return String.join(" ", words);
    }

    private String swapNumber(String text) {
        Matcher numbers = NUMBER.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (numbers.find() && spans.size() < 4096) {
            spans.add(new int[] {numbers.start(), numbers.end()});
        }
        if (spans.isEmpty()) {
            return insert(text, pick(EXTREMES));
        }
        int[] span = pick(spans);
        return text.substring(0, span[0]) + pick(EXTREMES) + text.substring(span[1]);
    }

    private String insert(String text, String what) {
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + what + text.substring(at);
    }

    private String lines(String text, String how) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        switch (how) {
            case "delete" -> lines.remove(at);
            case "duplicate" -> {
                for (int copies = 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 3); copies > 0; copies--) {
                    lines.add(at, lines.get(at));
                }
            }
            default -> {
                int other = random.nextInt(lines.size());
                String line = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, line);
            }
        }
        return String.join("\n", lines);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
