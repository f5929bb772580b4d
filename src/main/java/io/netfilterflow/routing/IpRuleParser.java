package io.netfilterflow.routing;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.problem.InvalidValue;
import java.util.List;
import java.util.Set;

/**
 * Reads one line of {@code ip rule show} ({@code 100:\tfrom all fwmark 0x1 lookup 100}), or the arguments of
 * {@code ip rule add} with {@code pref N}. Selectors the model does not have ({@code tos}, {@code uidrange},
 * {@code ipproto}, ports, {@code suppress_prefixlength}...) are refused by name.
 */
public final class IpRuleParser {

    /** What {@code ip rule} prints that does not change the lookup. */
    private static final Set<String> IGNORED_WITH_VALUE = Set.of("proto", "protocol", "realms");
    private static final Set<String> IGNORED_FLAGS = Set.of("[detached]", "[oif-detached]");

    private IpRuleParser() {
    }

    public static IpRule parse(String line) {
        List<String> words = List.of(line.trim().split("\\s+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            throw new InvalidValue("net.empty-rule");
        }
        int i = 0;
        Integer priority = null;
        if (words.get(0).endsWith(":")) {
            priority = number(words.get(0).substring(0, words.get(0).length() - 1), line);
            i++;
        }
        boolean not = false;
        Ipv4Prefix from = null;
        Ipv4Prefix to = null;
        String iif = null;
        String oif = null;
        Long fwmark = null;
        long mask = 0xffff_ffffL;
        IpRule.Action action = null;
        int target = 0;
        while (i < words.size()) {
            String word = words.get(i++);
            if (IGNORED_FLAGS.contains(word)) {
                continue;
            }
            switch (word) {
                case "not" -> not = true;
                case "blackhole" -> action = IpRule.Action.BLACKHOLE;
                case "prohibit" -> action = IpRule.Action.PROHIBIT;
                case "unreachable" -> action = IpRule.Action.UNREACHABLE;
                case "nop" -> action = IpRule.Action.NOP;
                default -> {
                    if (i >= words.size()) {
                        throw new InvalidValue("net.rule-attribute-needs-value", word, line);
                    }
                    String value = words.get(i++);
                    switch (word) {
                        case "from" -> from = prefix(value);
                        case "to" -> to = prefix(value);
                        case "iif" -> iif = value;
                        case "oif" -> oif = value;
                        case "fwmark" -> {
                            int slash = value.indexOf('/');
                            fwmark = mark(slash < 0 ? value : value.substring(0, slash), line);
                            mask = slash < 0 ? 0xffff_ffffL : mark(value.substring(slash + 1), line);
                        }
                        case "lookup", "table" -> {
                            action = IpRule.Action.LOOKUP;
                            target = RouteParser.table(value);
                        }
                        case "goto" -> {
                            action = IpRule.Action.GOTO;
                            target = number(value, line);
                        }
                        case "pref", "priority", "preference", "order" -> priority = number(value, line);
                        default -> {
                            if (!IGNORED_WITH_VALUE.contains(word)) {
                                throw new InvalidValue("net.rule-not-modelled", word, line);
                            }
                        }
                    }
                }
            }
        }
        if (priority == null) {
            throw new InvalidValue("net.rule-needs-priority", line);
        }
        if (action == null) {
            throw new InvalidValue("net.rule-needs-action", line);
        }
        return new IpRule(priority, not, from, to, iif, oif, fwmark, mask, action, target, line.trim());
    }

    private static Ipv4Prefix prefix(String value) {
        return value.equals("all") ? null : Ipv4Prefix.parse(value);
    }

    private static long mark(String value, String line) {
        try {
            long mark = value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            if (mark < 0 || mark > 0xffff_ffffL) {
                throw new InvalidValue("net.rule-bad-number", value, line);
            }
            return mark;
        } catch (NumberFormatException e) {
            throw new InvalidValue("net.rule-bad-number", value, line);
        }
    }

    private static int number(String value, String line) {
        long number = mark(value, line);
        if (number > Integer.MAX_VALUE) {
            throw new InvalidValue("net.rule-bad-number", value, line);
        }
        return (int) number;
    }
}
