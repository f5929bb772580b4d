package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Comma lists of enum names, as the state, conntrack and addrtype matches read and print them. */
final class Flags {

    private Flags() {
    }

    /** {@code unknown} says what an item that is no name of {@code type} is: {@code unknown state 'X'}. */
    static <E extends Enum<E>> Set<E> parse(Class<E> type, String text, Function<String, Problem> unknown) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (String item : text.split(",", -1)) {
            try {
                set.add(Enum.valueOf(type, item.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValue(unknown.apply(item));
            }
        }
        return Set.copyOf(set);
    }

    /** Enum declaration order is the order the iptables extension prints. */
    static <E extends Enum<E>> String format(Set<E> set, Class<E> type) {
        return EnumSet.copyOf(set.isEmpty() ? EnumSet.noneOf(type) : set).stream()
                .map(Enum::name).collect(Collectors.joining(","));
    }
}
