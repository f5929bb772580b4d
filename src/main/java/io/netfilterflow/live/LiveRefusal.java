package io.netfilterflow.live;

import io.netfilterflow.problem.Problem;
import org.springframework.http.HttpStatus;

/** A live-session request refused: its status and why, rendered in the reader's language by {@link LiveController}. */
final class LiveRefusal extends RuntimeException {

    private final HttpStatus status;
    private final transient Problem problem;

    LiveRefusal(HttpStatus status, Problem problem) {
        super(problem.toString(), null, false, false);
        this.status = status;
        this.problem = problem;
    }

    HttpStatus status() {
        return status;
    }

    Problem problem() {
        return problem;
    }
}
