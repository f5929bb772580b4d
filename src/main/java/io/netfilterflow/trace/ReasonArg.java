package io.netfilterflow.trace;

/** One argument of a {@link Reason}: a printed value, or a phrase that is itself a reason. */
public sealed interface ReasonArg permits Reason, ReasonArg.Value {

    /** A value as the kernel's tools print it; words of a language never go here, only into a code. */
    record Value(String text) implements ReasonArg {
        public Value {
            text = text == null ? "" : text;
        }
    }
}
