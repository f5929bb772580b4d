package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.Refusal;
import org.springframework.http.HttpStatus;

/** A request the API refuses before it reads a scenario (its body, its format): the status and why. */
final class RequestRefused extends RuntimeException implements Refusal {

    private final HttpStatus status;
    private final transient Problem problem;

    RequestRefused(HttpStatus status, Problem problem) {
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
