package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.Refusal;

/** A match or target that cannot be evaluated on this packet; the engine adds the rule's line. */
public final class XtEvaluationException extends RuntimeException implements Refusal {

    private final transient Problem problem;

    public XtEvaluationException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }


    @Override
    public Problem problem() {
        return problem;
    }
}
