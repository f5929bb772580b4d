package io.netfilterflow.netfilter.nft.json;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.List;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Writes a {@code set} or {@code map} object as {@code nft list ruleset} prints it ({@code set_print_declaration}
 * and, for the elements, {@code set_expr_print} with its {@code calculate_delim}: five numbers, two IPv4
 * addresses or one of anything else on a line). Element timeouts and per-element statements are refused by
 * name, as in text.
 */
final class NftJsonSets {

    private static final Set<String> FIVE_A_LINE = Set.of("nf_proto", "integer", "arp_op", "inet_proto",
            "inet_service", "tcp_flag", "dccp_pkttype", "mark", "iface_index", "classid", "uid", "gid", "ct_dir");
    private static final Set<String> TWO_A_LINE = Set.of("ipv4_addr", "ct_state", "ct_status", "pkt_type");
    private static final String LINE_BREAK = ",\n\t\t\t     ";

    private NftJsonSets() {
    }

    static void write(NftJsonListing.Item item, ObjIntConsumer<String> out) {
        JsonNode body = item.body();
        int line = item.line();
        NftJsonExpr at = new NftJsonExpr(line);
        boolean map = item.kind().equals("map");
        String name = at.text(body, "name");
        for (String field : List.of("timeout", "gc-interval", "stmt")) {
            if (body.has(field)) {
                throw new RulesSyntaxException(line, Problem.of("rules.nft-unsupported-in",
                        field.equals("stmt") ? "counter" : field, item.kind() + " " + name));
            }
        }
        JsonNode type = body.get("type");
        if (type == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-set-needs-type", name));
        }
        out.accept("\t" + item.kind() + " " + name + " {", line);
        out.accept("\t\ttype " + String.join(" . ", at.strings(type))
                + (map ? " : " + String.join(" . ", at.strings(body.get("map"))) : ""), line);
        List<String> flags = at.strings(body.get("flags"));
        if (!flags.isEmpty()) {
            out.accept("\t\tflags " + String.join(",", flags), line);
        }
        if (body.has("size")) {
            out.accept("\t\tsize " + at.number(body, "size"), line);
        }
        if (body.has("policy") && !at.text(body, "policy").equals("performance")) {
            out.accept("\t\tpolicy " + at.text(body, "policy"), line);
        }
        if (body.path("auto-merge").asBoolean(false)) {
            out.accept("\t\tauto-merge", line);
        }
        if (body.has("comment")) {
            out.accept("\t\tcomment \"" + at.text(body, "comment") + "\"", line);
        }
        if (body.has("elem")) {
            List<String> elements = at.elementList(body.get("elem"), NftJsonKind.ofType(type),
                    map ? NftJsonKind.ofType(body.get("map")) : null);
            int perLine = type.isString() && FIVE_A_LINE.contains(type.stringValue()) ? 5
                    : type.isString() && TWO_A_LINE.contains(type.stringValue()) ? 2 : 1;
            StringBuilder printed = new StringBuilder("\t\telements = { ");
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    printed.append(i % perLine == 0 ? LINE_BREAK : ", ");
                }
                printed.append(elements.get(i));
            }
            if (!elements.isEmpty()) {
                out.accept(printed.append(" }").toString(), line);
            }
        }
        out.accept("\t}", line);
    }
}
