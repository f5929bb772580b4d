package io.netfilterflow.netfilter.save;

/** Builds one rule line in the form iptables-save and ebtables-save print it. */
public final class RuleWriter {

    private static final String NO_QUOTE_CHARS =
            "_-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final StringBuilder out;

    public RuleWriter(StringBuilder out) {
        this.out = out;
    }

    public RuleWriter word(String word) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append(' ');
        }
        out.append(word);
        return this;
    }

    /** {@code [! ]--name value...}: the iptables placement of {@code !}, before the option. */
    public RuleWriter option(boolean inverted, String name, String... values) {
        if (inverted) {
            word("!");
        }
        word(name);
        for (String value : values) {
            word(value);
        }
        return this;
    }

    /** A free-text value the way {@code xtables_save_string} writes it: bare when safe, else quoted. */
    public RuleWriter string(String value) {
        return word(quote(value));
    }

    public static String quote(String value) {
        boolean safe = !value.isEmpty();
        for (int i = 0; i < value.length() && safe; i++) {
            safe = NO_QUOTE_CHARS.indexOf(value.charAt(i)) >= 0;
        }
        if (safe) {
            return value;
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == '\'') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }

    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
