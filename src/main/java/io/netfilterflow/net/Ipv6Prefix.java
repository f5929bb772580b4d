package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;

/**
 * An IPv6 address with a prefix length, as the ebtables ip6 match holds it. Parsed from the
 * usual text forms and printed as {@code inet_ntop} prints it (longest zero run as {@code ::}).
 */
public record Ipv6Prefix(long high, long low, int length) {

    public Ipv6Prefix {
        if (length < 0 || length > 128) {
            throw new InvalidValue("net.ipv6-prefix-length-out-of-range");
        }
        long highMask = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long lowMask = length >= 128 ? -1L : length <= 64 ? 0 : -1L << (128 - length);
        high &= highMask;
        low &= lowMask;
    }

    public static Ipv6Prefix parse(String text) {
        int slash = text.indexOf('/');
        int length = 128;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new InvalidValue("net.invalid-prefix-length", text);
            }
        }
        int[] groups = groups(slash < 0 ? text : text.substring(0, slash), text);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new Ipv6Prefix(high, low, length);
    }

    private static int[] groups(String address, String text) {
        int gap = address.indexOf("::");
        String[] head = gap < 0 ? address.split(":", -1) : split(address.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(address.substring(gap + 2));
        int total = head.length + tail.length;
        if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
            throw new InvalidValue("net.not-an-ipv6-address", text);
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            groups[i] = group(head[i], text);
        }
        for (int i = 0; i < tail.length; i++) {
            groups[8 - tail.length + i] = group(tail[i], text);
        }
        return groups;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static int group(String group, String text) {
        if (group.isEmpty() || group.length() > 4) {
            throw new InvalidValue("net.not-an-ipv6-address", text);
        }
        try {
            return Integer.parseInt(group, 16);
        } catch (NumberFormatException e) {
            throw new InvalidValue("net.not-an-ipv6-address", text);
        }
    }

    /** The address as {@code inet_ntop} writes it. */
    public String address() {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            g[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[i]));
        }
        return out.toString();
    }

    /** {@code xtables_ip6mask_to_numeric}: no suffix for a /128. */
    @Override
    public String toString() {
        return length == 128 ? address() : address() + "/" + length;
    }
}
