package io.netfilterflow.netfilter.xtables;

/** A match or target that cannot be evaluated on this packet; the engine adds the rule's line. */
public final class XtEvaluationException extends RuntimeException {

    public XtEvaluationException(String message) {
        super(message);
    }
}
