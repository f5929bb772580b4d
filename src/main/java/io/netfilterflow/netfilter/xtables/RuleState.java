package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.core.KeepsState;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The key to state a rule keeps across a scenario's packets (a limit's bucket, an nth counter, a recent
 * list), typed by what it holds. A rule's own state belongs to that rule object, as the kernel keeps it in the
 * rule's match info; a recent list belongs to its name, shared by every rule that names it.
 */
public final class RuleState<T> {

    private final Object owner;
    private final Class<T> type;
    private final Supplier<T> initial;

    private RuleState(Object owner, Class<T> type, Supplier<T> initial) {
        this.owner = Objects.requireNonNull(owner);
        this.type = Objects.requireNonNull(type);
        this.initial = Objects.requireNonNull(initial);
    }

    /** State of this rule's match or target object alone (two equal rules on two lines keep their own). */
    public static <T> RuleState<T> of(KeepsState rule, Class<T> type, Supplier<T> initial) {
        return new RuleState<>(new Identity(rule), type, initial);
    }

    /** State shared by name ({@code recent --name}). */
    public static <T> RuleState<T> named(String name, Class<T> type, Supplier<T> initial) {
        return new RuleState<>(name, type, initial);
    }

    /** The state a run starts with. */
    public T initial() {
        return type.cast(initial.get());
    }

    public T cast(Object state) {
        return type.cast(state);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleState<?> key && key.type == type && key.owner.equals(owner);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + owner.hashCode();
    }

    /** Equal only to the same object: records that print alike are still two rules. */
    private record Identity(Object rule) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.rule == rule;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(rule);
        }
    }
}
