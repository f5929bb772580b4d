package io.netfilterflow.packet;

import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;

/** ICMP type numbers and the names nft prints for them ({@code nft describe icmp type}). */
public final class IcmpTypes {

    public static final int ECHO_REPLY = 0;
    public static final int DEST_UNREACH = 3;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;

    private static final String[] NAMES = new String[19];

    static {
        NAMES[0] = "echo-reply";
        NAMES[3] = "destination-unreachable";
        NAMES[4] = "source-quench";
        NAMES[5] = "redirect";
        NAMES[8] = "echo-request";
        NAMES[9] = "router-advertisement";
        NAMES[10] = "router-solicitation";
        NAMES[11] = "time-exceeded";
        NAMES[12] = "parameter-problem";
        NAMES[13] = "timestamp-request";
        NAMES[14] = "timestamp-reply";
        NAMES[15] = "info-request";
        NAMES[16] = "info-reply";
        NAMES[17] = "address-mask-request";
        NAMES[18] = "address-mask-reply";
    }

    private IcmpTypes() {
    }

    /** The nft name, or the number when nft has none. */
    public static String name(int type) {
        return type >= 0 && type < NAMES.length && NAMES[type] != null ? NAMES[type] : Integer.toString(type);
    }

    /** A name as nft or iptables spells it ({@code echo-request}, {@code ping}) or a number 0..255. */
    public static int parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int type = 0; type < NAMES.length; type++) {
            if (lower.equals(NAMES[type])) {
                return type;
            }
        }
        switch (lower) {
            case "ping":
                return ECHO_REQUEST;
            case "pong":
                return ECHO_REPLY;
            case "port-unreachable":
            case "host-unreachable":
            case "network-unreachable":
                return DEST_UNREACH;
            default:
                break;
        }
        try {
            int type = Integer.parseInt(text);
            if (type >= 0 && type <= 255) {
                return type;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InvalidValue("net.not-an-icmp-type", text);
    }

    /** Types that report an error about another packet, which they carry ({@code icmp_is_err}). */
    public static boolean isError(int type) {
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    /** The answer to a query type that conntrack tracks ({@code invmap} in nf_conntrack_proto_icmp.c), or -1. */
    public static int replyTo(int type) {
        return switch (type) {
            case 8 -> 0;
            case 0 -> 8;
            case 13 -> 14;
            case 14 -> 13;
            case 15 -> 16;
            case 16 -> 15;
            case 17 -> 18;
            case 18 -> 17;
            default -> -1;
        };
    }

    /** Whether this type may open a connection ({@code valid_new}): the query types. */
    public static boolean isQuery(int type) {
        return type == 8 || type == 13 || type == 15 || type == 17;
    }
}
