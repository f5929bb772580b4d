package io.netfilterflow.scenario;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.problem.Refusal;

/**
 * A scenario that cannot be simulated: names the field ({@code host.interfaces[2].master}), the
 * line of the JSON text it is on (0 when unknown), and for rules the line inside the rules text.
 */
public final class ScenarioException extends RuntimeException implements Refusal {

    private final String field;
    private final int jsonLine;
    private final int rulesLine;
    private final transient Problem problem;

    public ScenarioException(String field, int jsonLine, int rulesLine, Problem problem) {
        super(problem.toString());
        this.field = field;
        this.jsonLine = jsonLine;
        this.rulesLine = rulesLine;
        this.problem = problem;
    }


    @Override
    public Problem problem() {
        return problem;
    }

    public String field() {
        return field;
    }

    public int jsonLine() {
        return jsonLine;
    }

    public int rulesLine() {
        return rulesLine;
    }

    /** {@code host.iptables line 7: reason} or {@code host.routes[1]: reason}. */
    public String describe() {
        return describe(ProblemText.ENGLISH);
    }

    /** {@link #describe()} in the reader's words; the field keeps its JSON name. */
    public String describe(ProblemText words) {
        String reason = words.render(problem);
        if (field == null) {
            return reason;
        }
        return rulesLine > 0 ? words.render(Problem.of("scenario.at-rules-line", field, rulesLine, reason))
                : field + ": " + reason;
    }
}
