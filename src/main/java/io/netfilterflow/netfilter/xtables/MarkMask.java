package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.ExtensionArgs;

/** A 32-bit mark value with the mask it is compared under ({@code (skb->mark & mask) == value}). */
public record MarkMask(long value, long mask) {

    public static final long ALL_ONES = 0xffff_ffffL;

    public MarkMask {
        if (value < 0 || value > ALL_ONES || mask < 0 || mask > ALL_ONES) {
            throw new IllegalArgumentException("mark out of 32-bit range");
        }
    }

    /** {@code 0x4000/0x4000} or {@code 0x4000} (mask all ones). */
    public static MarkMask parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new MarkMask(ExtensionArgs.parseUnsigned32(text), ALL_ONES);
        }
        return new MarkMask(ExtensionArgs.parseUnsigned32(text.substring(0, slash)),
                ExtensionArgs.parseUnsigned32(text.substring(slash + 1)));
    }

    public boolean matches(long mark) {
        return (mark & mask) == value;
    }

    /** As {@code print_mark} writes it: the mask only when it is not all ones. */
    @Override
    public String toString() {
        return mask == ALL_ONES ? hex(value) : hex(value) + "/" + hex(mask);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }
}
