package io.netfilterflow.netfilter.save;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.Refusal;

/** Input that iptables-restore or ebtables-restore would refuse, or that this project does not support. */
public class RulesSyntaxException extends RuntimeException implements Refusal {

    private final int line;
    private final transient Problem problem;

    public RulesSyntaxException(int line, Problem problem) {
        super("line " + line + ": " + problem);
        this.line = line;
        this.problem = problem;
    }

    public RulesSyntaxException(SourceLine line, Problem problem) {
        this(line.number(), problem);
    }



    public int line() {
        return line;
    }

    /** The reason in English, as the command line prints it. */
    public String reason() {
        return problem.toString();
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
