package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses (its body, its format; a live session's code, key or state): the status and why,
 * rendered as a ProblemDetail in the reader's language by {@link ApiProblems}.
 */
public final class RequestRefused extends RuntimeException implements Refusal {

    private final HttpStatus status;
    private final transient Problem problem;

    public RequestRefused(HttpStatus status, Problem problem) {
        super(problem.toString(), null, false, false);
        this.status = status;
        this.problem = problem;
    }

    HttpStatus status() {
        return status;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
