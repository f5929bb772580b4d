package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads constants as nft prints them for a type: a value, a prefix ({@code 10.0.0.0/8}), a range
 * ({@code 1000-2000}), bitmask flags joined by commas; and set elements ({@code a . b comment "c" : DATA}),
 * in an anonymous set of a rule or from a named set's declaration.
 */
final class NftValues {

    /** A constant: one value ({@code high} null), or a closed range; {@code flagList} when commas joined flags. */
    record Constant(Object low, Object high, boolean flagList) {
        boolean isRange() {
            return high != null;
        }
    }

    /** What a map's elements hold after {@code :}: nothing (a set), a verdict, or a NAT address (and port). */
    enum Data { NONE, VERDICT, NAT }

    private final NftWords in;
    private final NftRefusals fail;

    NftValues(NftWords in, NftRefusals fail) {
        this.in = in;
        this.fail = fail;
    }

    Constant constant(NftType type) {
        String word = in.next();
        if (word.isEmpty()) {
            throw fail.expected(type.nftName(), word);
        }
        if (type.isBitmask() && (in.peek().equals(",") || in.peek().equals("|"))) {
            long bits = (Long) fail.value(type, word);
            while (in.take(",") || in.take("|")) {
                bits |= (Long) fail.value(type, in.next());
            }
            return new Constant(bits, null, true);
        }
        NftElements.Part part = part(type, word);
        if (part.name() != null) {
            return new Constant(part.name(), null, false);
        }
        return part.low() == part.high() ? new Constant(part.low(), null, false)
                : new Constant(part.low(), part.high(), false);
    }

    /** Flags after {@code /}: {@code syn,ack}. */
    long flags(NftType type) {
        long bits = (Long) fail.value(type, in.next());
        while (in.take(",")) {
            bits |= (Long) fail.value(type, in.next());
        }
        return bits;
    }

    /** {@code { e, e, ... }} of a rule, the cursor on its {@code {}}. */
    NftElements anonymous(List<NftType> key, Data data) {
        in.next();
        NftElements.Builder builder = new NftElements.Builder();
        while (!in.take("}")) {
            if (in.atEnd()) {
                throw fail.expected("'}'", "");
            }
            element(key, data, builder);
            if (!in.take(",") && !in.peek().equals("}")) {
                throw fail.expected("',' or '}'", in.peek());
            }
        }
        return builder.build();
    }

    /** One element: its key parts, an optional comment, and for a map {@code : DATA}. */
    void element(List<NftType> key, Data kind, NftElements.Builder builder) {
        List<NftElements.Part> parts = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            if (i > 0 && !in.take(".")) {
                throw fail.expected("'.'", in.peek());
            }
            parts.add(part(key.get(i), in.next()));
        }
        while (in.peek().equals("comment") || in.peek().equals("timeout") || in.peek().equals("expires")
                || in.peek().equals("counter")) {
            String word = in.next();
            if (!word.equals("comment")) {
                throw fail.notModelled("element " + word);
            }
            in.next();
        }
        Object data = NftElements.PRESENT;
        if (in.take(":")) {
            data = switch (kind) {
                case VERDICT -> verdict();
                case NAT -> natData();
                case NONE -> throw fail.notModelled(Problem.of("rules.nft-map-data"));
            };
        } else if (kind != Data.NONE) {
            throw fail.expected(kind == Data.VERDICT ? "': VERDICT'" : "': ADDRESS'", in.peek());
        }
        builder.add(parts, data);
    }

    /** A NAT map's data: an address, or {@code address . port}. */
    private Object natData() {
        long address = (Long) fail.value(NftType.IPV4_ADDR, in.next());
        if (in.take(".")) {
            return List.of(address, (Long) fail.value(NftType.INET_SERVICE, in.next()));
        }
        return address;
    }

    private NftVerdict verdict() {
        String word = in.next();
        return switch (word) {
            case "accept" -> new NftVerdict(NftVerdict.Kind.ACCEPT, null);
            case "drop" -> new NftVerdict(NftVerdict.Kind.DROP, null);
            case "continue" -> new NftVerdict(NftVerdict.Kind.CONTINUE, null);
            case "return" -> new NftVerdict(NftVerdict.Kind.RETURN, null);
            case "jump", "goto" -> new NftVerdict(word.equals("jump") ? NftVerdict.Kind.JUMP : NftVerdict.Kind.GOTO,
                    NftType.unquote(in.next()));
            default -> throw fail.expected(Problem.of("rules.nft-a-verdict"), word);
        };
    }

    /** One value of a type as an interval part: a value, a prefix or a range. */
    NftElements.Part part(NftType type, String word) {
        if (type == NftType.IFNAME || type.isOpaque()) {
            return new NftElements.Part(0, 0, NftType.unquote(word));
        }
        int slash = word.indexOf('/');
        if (type == NftType.IPV4_ADDR && slash > 0) {
            long base = (Long) fail.value(type, word.substring(0, slash));
            int length = (int) (long) (Long) fail.value(NftType.INTEGER, word.substring(slash + 1));
            if (length < 0 || length > 32) {
                throw fail.expected(Problem.of("rules.nft-a-prefix-length"), word);
            }
            long mask = length == 0 ? 0 : (0xffff_ffffL << (32 - length)) & 0xffff_ffffL;
            return new NftElements.Part(base & mask, (base & mask) | (~mask & 0xffff_ffffL), null);
        }
        int dash = word.indexOf('-', 1);
        if (dash > 0 && isNumeric(type) && !word.startsWith("\"")) {
            Object low = fail.value(type, word.substring(0, dash));
            Object high = fail.value(type, word.substring(dash + 1));
            return new NftElements.Part((Long) low, (Long) high, null);
        }
        Object value = fail.value(type, word);
        if (value instanceof String name) {
            return new NftElements.Part(0, 0, name);
        }
        return new NftElements.Part((Long) value, (Long) value, null);
    }

    private static boolean isNumeric(NftType type) {
        return switch (type) {
            case IPV4_ADDR, INET_SERVICE, INTEGER, MARK, UID, GID, INET_PROTO, ETHER_ADDR -> true;
            default -> false;
        };
    }
}
