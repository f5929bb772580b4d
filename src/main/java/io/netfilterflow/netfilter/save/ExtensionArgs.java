package io.netfilterflow.netfilter.save;

import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The options a rule gave one extension, with the line they came from; what an extension's
 * factory reads to build its typed model. Every error it raises names the line and extension.
 */
public final class ExtensionArgs {

    private final String extension;
    private final SourceLine line;
    /** Most extensions are given one or two options. */
    private final List<OptionUse> uses = new ArrayList<>(2);

    public ExtensionArgs(String extension, SourceLine line) {
        this.extension = extension;
        this.line = line;
    }

    public void add(OptionUse use) {
        if (find(use.name()) != null) {
            throw refuse("rules.option-given-twice", use.name());
        }
        uses.add(use);
    }

    public String extension() {
        return extension;
    }

    public SourceLine line() {
        return line;
    }

    public List<OptionUse> uses() {
        return List.copyOf(uses);
    }

    public boolean has(String name) {
        return find(name) != null;
    }

    /** The use of this option, or null. */
    public OptionUse find(String name) {
        for (int i = 0; i < uses.size(); i++) { // by index: asked for each option of each rule, no iterator made
            if (uses.get(i).name().equals(name)) {
                return uses.get(i);
            }
        }
        return null;
    }

    public OptionUse require(String name) {
        OptionUse use = find(name);
        if (use == null) {
            throw refuse("rules.needs-option", name);
        }
        return use;
    }

    /** The option's value with its {@code !}, or null when the option was not given. */
    public <T> Negatable<T> negatable(String name, Function<String, T> parser) {
        OptionUse use = find(name);
        return use == null ? null : Negatable.of(value(use, parser), use.inverted());
    }

    /** Like {@link #negatable}, for an option the extension cannot do without. */
    public <T> Negatable<T> requireNegatable(String name, Function<String, T> parser) {
        require(name);
        return negatable(name, parser);
    }

    /** Converts an option's first word, turning a conversion failure into an error on this line. */
    public <T> T value(OptionUse use, Function<String, T> parser) {
        return convert(use.arg(), use.name(), parser);
    }

    public <T> T convert(String text, String optionName, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw refuse("rules.option-value", optionName, Problem.of(e));
        }
    }

    /** Fails when any of these options was written with {@code !}. */
    public void notInvertible(String... names) {
        for (String name : names) {
            OptionUse use = find(name);
            if (use != null && use.inverted()) {
                throw refuse("rules.cannot-negate-option", name);
            }
        }
    }

    /** The extension refuses its options: {@code tcp: --dport: '70000' is not a port number}. */
    public RulesSyntaxException refuse(String key, Object... args) {
        return refuse(Problem.of(key, args));
    }

    public RulesSyntaxException refuse(Problem problem) {
        return new RulesSyntaxException(line, Problem.of("rules.extension", extension, problem));
    }

    public static long parseUnsigned32(String text) {
        try {
            long value = text.startsWith("0x") || text.startsWith("0X")
                    ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            if (value >= 0 && value <= 0xffff_ffffL) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue("rules.not-a-32-bit-number", text);
    }

    public static int parseBounded(String text, int min, int max) {
        long value = parseUnsigned32(text);
        if (value < min || value > max) {
            throw new InvalidValue("rules.out-of-range", text, min, max);
        }
        return (int) value;
    }
}
