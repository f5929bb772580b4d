package io.netfilterflow.netfilter.nft.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How a value prints in nft text, by the datatype of what it is compared with: a mark as {@code 0x%08x}
 * ({@code mark_type}), an interface name quoted ({@code ifname_type}, {@code iface_index}), the bitmask types
 * ({@code ct_state}, {@code ct_status}, {@code tcp_flag}) as flags, anything else as the JSON gives it (nft
 * writes symbols for symbolic types).
 */
enum NftJsonKind {
    PLAIN, HEX, QUOTED, FLAGS;

    private static final Set<String> QUOTED_META = Set.of("iifname", "oifname", "ibrname", "obrname", "iif", "oif",
            "iifkind", "oifkind", "sdifname", "ibriport", "obriport");

    String print(String value) {
        return this == QUOTED && !value.startsWith("@") ? "\"" + value + "\"" : value;
    }

    String print(long value) {
        return this == HEX ? String.format(Locale.ROOT, "0x%08x", value) : Long.toString(value);
    }

    /** The kinds of a key expression's values, one per part of a concatenation. */
    static List<NftJsonKind> of(JsonNode key) {
        if (key == null || !key.isObject() || key.size() != 1) {
            return List.of(PLAIN);
        }
        String name = key.propertyNames().iterator().next();
        JsonNode body = key.get(name);
        if (name.equals("concat") && body.isArray()) {
            List<NftJsonKind> kinds = new ArrayList<>();
            body.forEach(part -> kinds.add(of(part).get(0)));
            return kinds.isEmpty() ? List.of(PLAIN) : kinds;
        }
        if (NftJsonExpr.BINOPS.contains(name) && body.isArray() && body.size() > 0) {
            return of(body.get(0));
        }
        String field = body.path("key").asString("");
        return List.of(switch (name) {
            case "meta" -> field.equals("mark") ? HEX : QUOTED_META.contains(field) ? QUOTED : PLAIN;
            case "ct" -> switch (field) {
                case "mark" -> HEX;
                case "state", "status" -> FLAGS;
                case "helper" -> QUOTED;
                default -> PLAIN;
            };
            case "payload" -> body.path("protocol").asString("").equals("tcp")
                    && body.path("field").asString("").equals("flags") ? FLAGS : PLAIN;
            default -> PLAIN;
        });
    }

    /** The kinds of a named set's {@code type} (or a map's data type): a name, or an array for a concatenation. */
    static List<NftJsonKind> ofType(JsonNode type) {
        List<NftJsonKind> kinds = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(part -> kinds.add(ofTypeName(part.asString(""))));
        } else if (type != null) {
            kinds.add(ofTypeName(type.asString("")));
        }
        return kinds.isEmpty() ? List.of(PLAIN) : kinds;
    }

    private static NftJsonKind ofTypeName(String name) {
        return switch (name) {
            case "mark" -> HEX;
            case "ifname", "iface_index", "string" -> QUOTED;
            case "ct_state", "ct_status", "tcp_flag" -> FLAGS;
            default -> PLAIN;
        };
    }
}
