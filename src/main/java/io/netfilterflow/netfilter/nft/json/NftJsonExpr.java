package io.netfilterflow.netfilter.nft.json;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes a libnftables-json expression as {@code nft list ruleset} prints it (nft's {@code expr_print}, the
 * inverse of {@code json_parse_expr} in {@code parser_json.c}): payload, meta, ct, fib, numgen, concatenations,
 * anonymous sets and maps, prefixes, ranges, set references, binary operations and verdicts. A value prints as
 * the type of the expression it is compared with or assigned to prints it ({@link NftJsonKind}).
 */
final class NftJsonExpr {

    /** Meta keys nft prints without {@code meta} ({@code meta_key_is_unqualified}). */
    private static final Set<String> UNQUALIFIED = Set.of("iif", "oif", "iifname", "oifname", "iifgroup", "oifgroup");
    static final Set<String> BINOPS = Set.of("&", "|", "^", "<<", ">>");
    static final Set<String> VERDICTS = Set.of("accept", "drop", "continue", "return", "jump", "goto");

    private final int line;

    NftJsonExpr(int line) {
        this.line = line;
    }

    int line() {
        return line;
    }

    /** An expression used as a key (the left of a match, a map's key, what {@code set} assigns to). */
    String key(JsonNode node) {
        return value(node, List.of(NftJsonKind.PLAIN), null);
    }

    /**
     * An expression or value; {@code kinds} say how a value prints (one per part of a concatenation), and
     * {@code data} how a map's data prints (null outside a map: array elements are then flags).
     */
    String value(JsonNode node, List<NftJsonKind> kinds, List<NftJsonKind> data) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw expected("an expression", "null");
        }
        if (node.isString()) {
            return kinds.get(0).print(node.stringValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return kinds.get(0).print(node.longValue());
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "exists" : "missing";
        }
        if (node.isArray()) {
            List<String> flags = new ArrayList<>();
            node.forEach(flag -> flags.add(value(flag, kinds, null)));
            return String.join(",", flags);
        }
        Map.Entry<String, JsonNode> only = only(node);
        String name = only.getKey();
        JsonNode body = only.getValue();
        if (BINOPS.contains(name)) {
            return binop(name, body, kinds);
        }
        if (VERDICTS.contains(name)) {
            return verdict(name, body);
        }
        return switch (name) {
            case "payload" -> body.has("protocol") ? text(body, "protocol") + " " + text(body, "field")
                    : "@" + text(body, "base") + "," + number(body, "offset") + "," + number(body, "len");
            case "meta" -> UNQUALIFIED.contains(text(body, "key")) ? text(body, "key") : "meta " + text(body, "key");
            case "ct" -> "ct " + (body.has("dir") ? text(body, "dir") + " " : "") + text(body, "key");
            case "fib" -> "fib " + String.join(" . ", strings(body.get("flags"))) + " " + text(body, "result");
            case "numgen" -> "numgen " + text(body, "mode") + " mod " + number(body, "mod")
                    + (body.has("offset") && number(body, "offset") != 0 ? " offset " + number(body, "offset") : "");
            case "concat" -> concat(body, kinds, data);
            case "set" -> body.isString() ? body.stringValue() : "{ " + elements(body, kinds, data) + " }";
            case "prefix" -> value(body.get("addr"), kinds, null) + "/" + number(body, "len");
            case "range" -> value(body.get(0), kinds, null) + "-" + value(body.get(1), kinds, null);
            case "elem" -> element(body, kinds, data);
            case "map" -> key(body.get("key")) + " map " + value(body.get("data"), NftJsonKind.of(body.get("key")), kinds);
            default -> throw new RulesSyntaxException(line, Problem.of("rules.nft-not-modelled", name));
        };
    }

    /** The elements of an anonymous set or map, or of a named one's {@code elem}, each as nft prints it. */
    List<String> elementList(JsonNode array, List<NftJsonKind> kinds, List<NftJsonKind> data) {
        if (!array.isArray()) {
            return List.of(data == null ? value(array, kinds, null) : pair(array, kinds, data));
        }
        List<String> elements = new ArrayList<>();
        array.forEach(element -> elements.add(data == null ? value(element, kinds, null) : pair(element, kinds, data)));
        return elements;
    }

    private String elements(JsonNode array, List<NftJsonKind> kinds, List<NftJsonKind> data) {
        return String.join(", ", elementList(array, kinds, data));
    }

    /** A map's element: {@code [key, data]}. */
    private String pair(JsonNode element, List<NftJsonKind> kinds, List<NftJsonKind> data) {
        if (!element.isArray() || element.size() != 2) {
            throw expected("[key, data]", element.toString());
        }
        return value(element.get(0), kinds, null) + " : " + value(element.get(1), data, null);
    }

    private String concat(JsonNode parts, List<NftJsonKind> kinds, List<NftJsonKind> data) {
        List<String> printed = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            printed.add(value(parts.get(i), List.of(kinds.get(Math.min(i, kinds.size() - 1))), data));
        }
        return String.join(" . ", printed);
    }

    /** An element with its own statements: only {@code comment} is modelled; timeouts and counters change it. */
    private String element(JsonNode body, List<NftJsonKind> kinds, List<NftJsonKind> data) {
        for (String field : List.of("timeout", "expires", "counter", "quota", "limit")) {
            if (body.has(field)) {
                throw new RulesSyntaxException(line, Problem.of("rules.nft-unsupported-in", field, "elem"));
            }
        }
        String value = value(body.get("val"), kinds, data);
        return body.has("comment") ? value + " comment \"" + text(body, "comment") + "\"" : value;
    }

    private String binop(String op, JsonNode operands, List<NftJsonKind> kinds) {
        if (!operands.isArray() || operands.size() != 2) {
            throw expected("[left, right] of " + op, operands.toString());
        }
        List<NftJsonKind> of = NftJsonKind.of(operands.get(0));
        String left = value(operands.get(0), kinds, null);
        JsonNode right = operands.get(1);
        String printed = right.isArray() ? "(" + String.join(" | ", strings(right)) + ")" : value(right, of, null);
        boolean nested = right.isObject() && BINOPS.contains(only(right).getKey());
        return left + " " + op + " " + (nested ? "(" + printed + ")" : printed);
    }

    String verdict(String name, JsonNode body) {
        return name.equals("jump") || name.equals("goto") ? name + " " + text(body, "target") : name;
    }

    Map.Entry<String, JsonNode> only(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            throw expected("an object with one key", node.toString());
        }
        return node.properties().iterator().next();
    }

    String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !(value.isString() || value.isNumber())) {
            throw expected("'" + field + "'", node == null ? "null" : node.toString());
        }
        return value.asString();
    }

    long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw expected("a number '" + field + "'", node.toString());
        }
        return value.longValue();
    }

    /** A string or an array of strings (flags), as a list. */
    List<String> strings(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (node.isString()) {
            return List.of(node.stringValue());
        }
        List<String> words = new ArrayList<>();
        node.forEach(word -> words.add(word.asString()));
        return words;
    }

    RulesSyntaxException expected(String what, String found) {
        String shown = found.length() > 80 ? found.substring(0, 77) + "..." : found;
        return new RulesSyntaxException(line, Problem.of("rules.nft-expected", what, shown));
    }
}
