package io.netfilterflow.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Why something happened, as data: a {@link ReasonCode} and its arguments in the order the code names
 * them. An argument is a value as the kernel's tools print it (an address, a port, a device, a rule's
 * line) or another reason, when a sentence holds a phrase of its own (who answered, which route).
 */
public record Reason(ReasonCode code, List<ReasonArg> args) implements ReasonArg {

    public Reason {
        args = List.copyOf(args);
        if (args.size() != code.params().size()) {
            throw new IllegalArgumentException(code + " takes " + code.params() + ", not " + args.size() + " arguments");
        }
    }

    /** A reason with its arguments in the code's order; a reason stays a phrase, anything else is printed. */
    public static Reason of(ReasonCode code, Object... args) {
        List<ReasonArg> values = new ArrayList<>(args.length);
        for (Object arg : args) {
            values.add(arg instanceof ReasonArg given ? given : new ReasonArg.Value(arg == null ? null : arg.toString()));
        }
        return new Reason(code, values);
    }

    /** The argument called {@code name}. */
    public ReasonArg arg(String name) {
        int index = code.params().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(code + " has no argument " + name);
        }
        return args.get(index);
    }
}
