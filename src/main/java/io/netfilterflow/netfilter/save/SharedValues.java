package io.netfilterflow.netfilter.save;

import io.netfilterflow.netfilter.core.KeepsState;

/**
 * One instance for equal immutable values among those seen lately. A dump repeats a few conditions
 * ({@code -p tcp}, {@code ! -s 10.244.0.0/16}, {@code -i docker0}) hundreds of thousands of times; kept once
 * instead of once per rule, they are memory the model does not hold. Direct-mapped, so bounded and O(1): a value
 * whose slot another took is simply kept as it is. What {@link KeepsState} is never shared.
 */
public final class SharedValues {

    private final Object[] slots = new Object[1 << 12];

    @SuppressWarnings("unchecked")
    public <T> T share(T value) {
        if (value == null || value instanceof KeepsState) {
            return value;
        }
        int hash = value.hashCode();
        int slot = (hash ^ (hash >>> 12) ^ (hash >>> 24)) & (slots.length - 1);
        Object seen = slots[slot];
        if (seen != null && seen.getClass() == value.getClass() && seen.equals(value)) {
            return (T) seen;
        }
        slots[slot] = value;
        return value;
    }
}
