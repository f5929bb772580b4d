package io.netfilterflow.netfilter.core;

import java.util.Objects;

/** A rule condition and whether it was written with {@code !} (the kernel's {@code invflags} bit). */
public record Negatable<T>(T value, boolean inverted) {

    public Negatable {
        Objects.requireNonNull(value, "value");
    }

    public static <T> Negatable<T> of(T value, boolean inverted) {
        return new Negatable<>(value, inverted);
    }

    /** Applies the inversion to a test of {@link #value()}. */
    public boolean test(boolean valueMatches) {
        return valueMatches != inverted;
    }

    // written out, not left to the record: a dump's parse compares and hashes hundreds of thousands of these,
    // most of it before the JIT has compiled the record's generic methods (SharedValues)
    @Override
    public boolean equals(Object other) {
        return other instanceof Negatable<?> that && that.inverted == inverted && that.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode() * 2 + (inverted ? 1 : 0);
    }
}
