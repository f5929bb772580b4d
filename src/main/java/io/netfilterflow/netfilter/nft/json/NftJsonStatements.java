package io.netfilterflow.netfilter.nft.json;

import io.netfilterflow.netfilter.nft.NftFamily;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes a rule's {@code expr} array as {@code nft list ruleset} prints the rule (nft's {@code stmt_print}, the
 * inverse of {@code json_parse_stmt}): {@code match}, verdicts, {@code vmap}, {@code counter}, {@code log},
 * {@code limit}, {@code reject}, NAT, {@code notrack}, {@code mangle}. iptables-nft's {@code xt} is refused as
 * its text is; any other statement is refused by name.
 */
final class NftJsonStatements {

    private static final Set<String> NAT = Set.of("dnat", "snat", "masquerade", "redirect");

    private final NftJsonExpr expr;
    private final NftFamily family;

    NftJsonStatements(int line, NftFamily family) {
        this.expr = new NftJsonExpr(line);
        this.family = family;
    }

    String rule(JsonNode statements, JsonNode comment) {
        if (statements == null || !statements.isArray()) {
            throw expr.expected("'expr': [ ... ]", String.valueOf(statements));
        }
        List<String> words = new ArrayList<>();
        statements.forEach(statement -> words.add(statement(statement)));
        if (comment != null && comment.isString()) {
            words.add("comment \"" + comment.stringValue() + "\"");
        }
        return String.join(" ", words);
    }

    private String statement(JsonNode node) {
        Map.Entry<String, JsonNode> only = expr.only(node);
        String name = only.getKey();
        JsonNode body = only.getValue();
        if (NftJsonExpr.VERDICTS.contains(name)) {
            return expr.verdict(name, body);
        }
        if (NAT.contains(name)) {
            return nat(name, body);
        }
        return switch (name) {
            case "match" -> match(body);
            case "vmap" -> expr.key(body.get("key")) + " vmap "
                    + expr.value(body.get("data"), NftJsonKind.of(body.get("key")), List.of(NftJsonKind.PLAIN));
            case "mangle" -> expr.key(body.get("key")) + " set " + expr.value(body.get("value"),
                    NftJsonKind.of(body.get("key")), null);
            case "counter" -> counter(body);
            case "log" -> log(body);
            case "limit" -> limit(body);
            case "reject" -> reject(body);
            case "notrack" -> "notrack";
            case "queue" -> "queue" + (body.has("flags") ? " flags " + String.join(",", expr.strings(body.get("flags")))
                    : "") + (body.has("num") ? " to " + expr.value(body.get("num"), List.of(NftJsonKind.PLAIN), null) : "");
            case "xt" -> throw new RulesSyntaxException(expr.line(), Problem.of("rules.nft-xt-statement",
                    body.path("type").asString("match"), body.path("name").asString("?")));
            default -> throw new RulesSyntaxException(expr.line(), Problem.of("rules.nft-not-modelled", name));
        };
    }

    /**
     * {@code left [op] right}: nft leaves out {@code ==} unless the left is a binary operation or the right a
     * single value of a bitmask type ({@code must_print_eq_op}), and {@code in} (a bitmask's implicit op)
     * always; {@code (tcp flags & mask) == value} prints as {@code tcp flags value / mask}.
     */
    private String match(JsonNode body) {
        String op = expr.text(body, "op");
        JsonNode left = body.get("left");
        JsonNode right = body.get("right");
        List<NftJsonKind> kinds = NftJsonKind.of(left);
        boolean binop = left != null && left.isObject() && left.size() == 1
                && NftJsonExpr.BINOPS.contains(left.propertyNames().iterator().next());
        if (binop && left.has("&") && kinds.get(0) == NftJsonKind.FLAGS && (op.equals("==") || op.equals("!="))) {
            JsonNode operands = left.get("&");
            return expr.key(operands.get(0)) + (op.equals("!=") ? " != " : " ") + expr.value(right, kinds, null)
                    + " / " + expr.value(operands.get(1), kinds, null);
        }
        boolean single = right != null && !right.isObject() && !right.isArray() && !right.asString("").startsWith("@");
        boolean printEq = binop || kinds.get(0) == NftJsonKind.FLAGS && single;
        String shown = op.equals("in") || op.equals("==") && !printEq ? "" : op + " ";
        return expr.key(left) + " " + shown + expr.value(right, kinds, null);
    }

    private String counter(JsonNode body) {
        if (body == null || body.isNull()) {
            return "counter";
        }
        if (body.isString()) {
            throw new RulesSyntaxException(expr.line(), Problem.of("rules.nft-unsupported-object", "counter"));
        }
        return "counter packets " + expr.number(body, "packets") + " bytes " + expr.number(body, "bytes");
    }

    /** {@code log_stmt_print}: prefix, group, snaplen, queue-threshold, level, flags. */
    private String log(JsonNode body) {
        StringBuilder out = new StringBuilder("log");
        if (body == null || body.isNull()) {
            return out.toString();
        }
        if (body.has("prefix")) {
            out.append(" prefix \"").append(expr.text(body, "prefix")).append('"');
        }
        for (String field : List.of("group", "snaplen", "queue-threshold", "level")) {
            if (body.has(field)) {
                out.append(' ').append(field).append(' ').append(expr.text(body, field));
            }
        }
        if (body.has("flags")) {
            out.append(" flags ").append(String.join(",", expr.strings(body.get("flags"))));
        }
        return out.toString();
    }

    /** {@code limit_stmt_print}: a packet burst of 5 (the default) and a byte burst of 0 are not printed. */
    private String limit(JsonNode body) {
        String over = body.path("inv").asBoolean(false) ? "over " : "";
        long rate = expr.number(body, "rate");
        long burst = body.has("burst") ? expr.number(body, "burst") : 0;
        String per = body.has("per") ? expr.text(body, "per") : "second";
        String unit = body.path("rate_unit").asString("packets");
        if (unit.equals("packets")) {
            return "limit rate " + over + rate + "/" + per + (burst != 0 && burst != 5 ? " burst " + burst + " packets" : "");
        }
        return "limit rate " + over + rate + " " + unit + "/" + per
                + (burst != 0 ? " burst " + burst + " " + body.path("burst_unit").asString("bytes") : "");
    }

    /** {@code reject_stmt_print}: the family's default (port unreachable) prints as a bare {@code reject}. */
    private String reject(JsonNode body) {
        if (body == null || body.isNull()) {
            return "reject";
        }
        String type = expr.text(body, "type");
        String code = body.has("expr") ? expr.text(body, "expr") : "";
        boolean port = code.equals("port-unreachable");
        boolean plain = switch (type) {
            case "icmpx" -> port;
            case "icmp" -> port && family == NftFamily.IP;
            case "icmpv6" -> port && family == NftFamily.IP6;
            default -> false;
        };
        return plain ? "reject" : "reject with " + type + (code.isEmpty() ? "" : " " + code);
    }

    /** {@code nat_stmt_print}: {@code dnat [ip|ip6] to ADDR[:PORT] [FLAGS]}, {@code masquerade [to :PORT]}. */
    private String nat(String name, JsonNode body) {
        if (body == null || body.isNull()) {
            return name;
        }
        for (String field : (Iterable<String>) () -> body.propertyNames().iterator()) {
            if (!Set.of("family", "addr", "port", "flags").contains(field)) {
                throw new RulesSyntaxException(expr.line(), Problem.of("rules.nft-not-modelled", name + " " + field));
            }
        }
        StringBuilder out = new StringBuilder(name);
        if (body.has("family")) {
            out.append(' ').append(expr.text(body, "family"));
        }
        JsonNode addr = body.get("addr");
        JsonNode port = body.get("port");
        if (addr != null || port != null) {
            out.append(" to ");
        }
        if (addr != null) {
            String printed = expr.value(addr, List.of(NftJsonKind.PLAIN), null);
            out.append(port != null && addr.isString() && printed.contains(":") ? "[" + printed + "]" : printed);
        }
        if (port != null) {
            out.append(':').append(expr.value(port, List.of(NftJsonKind.PLAIN), null));
        }
        if (body.has("flags")) {
            out.append(' ').append(String.join(",", expr.strings(body.get("flags"))));
        }
        return out.toString();
    }
}
