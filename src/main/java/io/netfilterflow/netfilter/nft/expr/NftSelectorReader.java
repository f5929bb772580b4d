package io.netfilterflow.netfilter.nft.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the expression on the left of a match, of a lookup or of a {@code set} statement, as nft prints it:
 * payload and meta and ct keys ({@code ip saddr}, {@code iifname}, {@code ct original ip daddr}), {@code fib},
 * {@code numgen}, concatenations with {@code .}, and a trailing {@code & | ^} operation. Returns null, with the
 * cursor where it was, when the words do not start one.
 */
final class NftSelectorReader {

    private final NftWords in;
    private final NftRefusals fail;

    NftSelectorReader(NftWords in, NftRefusals fail) {
        this.in = in;
        this.fail = fail;
    }

    NftSelector selector() {
        NftSelector first = atom();
        if (first == null) {
            return null;
        }
        NftSelector result = first;
        if (in.peek().equals(".")) {
            List<NftSelector> parts = new ArrayList<>(List.of(first));
            while (in.take(".")) {
                NftSelector part = atom();
                if (part == null) {
                    throw fail.notModelled(in.peek());
                }
                parts.add(part);
            }
            result = new NftConcat(parts);
        }
        return bitwise(result);
    }

    private NftSelector bitwise(NftSelector of) {
        NftBitwise.Op op = switch (in.peek()) {
            case "&" -> NftBitwise.Op.AND;
            case "|" -> NftBitwise.Op.OR;
            case "^" -> NftBitwise.Op.XOR;
            default -> null;
        };
        if (op == null) {
            return of;
        }
        in.next();
        long operand = operand(of.type());
        return bitwise(new NftBitwise(of, op, operand));
    }

    /** A constant, or flags in parentheses joined with {@code |}: {@code (fin | syn | rst | ack)}. */
    private long operand(NftType type) {
        if (!in.take("(")) {
            return constant(type, in.next());
        }
        long bits = 0;
        do {
            bits |= constant(type, in.next());
        } while (in.take("|"));
        if (!in.take(")")) {
            throw fail.expected("')'", in.peek());
        }
        return bits;
    }

    private long constant(NftType type, String word) {
        Object value = fail.value(type, word);
        if (!(value instanceof Long number)) {
            throw fail.notModelled(word);
        }
        return number;
    }

    private NftSelector atom() {
        int start = in.position();
        String word = in.peek();
        switch (word) {
            case "fib" -> {
                in.next();
                return fib();
            }
            case "numgen" -> {
                in.next();
                return numgen();
            }
            case "ct" -> {
                NftSelector ct = ct();
                if (ct == null) {
                    in.reset(start);
                }
                return ct;
            }
            default -> {
                for (int length = 2; length >= 1; length--) {
                    StringBuilder words = new StringBuilder(word);
                    for (int i = 1; i < length; i++) {
                        words.append(' ').append(in.peek(i));
                    }
                    NftField field = NftField.byWords(words.toString());
                    if (field != null && !(length == 1 && isMetaStatementKey(word))) {
                        for (int i = 0; i < length; i++) {
                            in.next();
                        }
                        return field;
                    }
                }
                if (isPayloadProtocol(word) && !in.peek(1).isEmpty()) {
                    throw fail.notModelled(word + " " + in.peek(1));
                }
                return null;
            }
        }
    }

    /** {@code mark} alone is a key only after {@code meta}; bare it starts no match in nft's output. */
    private static boolean isMetaStatementKey(String word) {
        return word.equals("mark") || word.equals("l4proto") || word.equals("skuid") || word.equals("skgid")
                || word.equals("pkttype");
    }

    private static boolean isPayloadProtocol(String word) {
        return switch (word) {
            case "ip", "ip6", "tcp", "udp", "th", "icmp", "icmpv6", "ether", "vlan", "arp", "sctp", "meta", "ah",
                 "esp", "comp", "udplite", "dccp", "igmp", "gre", "rt", "hbh", "frag", "dst", "mh", "ipsec",
                 "osf", "socket", "exthdr", "tcpopt", "ip6hdr", "dscp", "ecn" -> true;
            default -> false;
        };
    }

    private NftSelector ct() {
        in.next();
        String key = in.peek();
        if (key.equals("original") || key.equals("reply")) {
            in.next();
            if (in.peek().equals("ip")) {
                in.next();
            }
            String part = in.next();
            NftField field = NftField.byWords("ct " + key + " " + (part.startsWith("proto-") ? part : "ip " + part));
            if (field == null) {
                throw fail.notModelled("ct " + key + " " + part);
            }
            return field;
        }
        NftField field = NftField.byWords("ct " + key);
        if (field == null) {
            if (key.equals("mark") || key.isEmpty()) {
                return null;
            }
            throw fail.notModelled("ct " + key);
        }
        in.next();
        return field;
    }

    private NftSelector fib() {
        boolean source;
        switch (in.next()) {
            case "saddr" -> source = true;
            case "daddr" -> source = false;
            default -> throw fail.notModelled("fib " + in.peek());
        }
        NftFib.Device device = NftFib.Device.NONE;
        while (in.take(".")) {
            String flag = in.next();
            switch (flag) {
                case "iif" -> device = NftFib.Device.IIF;
                case "oif" -> device = NftFib.Device.OIF;
                case "mark" -> {
                    // no routing rule selects by mark in a scenario yet: the mark changes no lookup
                }
                default -> throw fail.notModelled("fib ... . " + flag);
            }
        }
        String result = in.next();
        NftFib.Result kind = switch (result) {
            case "type" -> NftFib.Result.TYPE;
            case "oif" -> NftFib.Result.OIF;
            case "oifname" -> NftFib.Result.OIFNAME;
            default -> throw fail.notModelled("fib ... " + result);
        };
        if (kind != NftFib.Result.TYPE && !source) {
            throw fail.notModelled("fib daddr ... " + result);
        }
        return new NftFib(source, device, kind);
    }

    private NftSelector numgen() {
        boolean random = switch (in.next()) {
            case "random" -> true;
            case "inc" -> false;
            default -> throw fail.notModelled("numgen " + in.peek());
        };
        if (!in.take("mod")) {
            throw fail.expected("mod", in.peek());
        }
        int modulus = (int) constant(NftType.INTEGER, in.next());
        int offset = 0;
        if (in.take("offset")) {
            offset = (int) constant(NftType.INTEGER, in.next());
        }
        if (modulus < 1) {
            throw fail.notModelled("numgen mod " + modulus);
        }
        return new NftNumgen(random, modulus, offset);
    }
}
