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
}
