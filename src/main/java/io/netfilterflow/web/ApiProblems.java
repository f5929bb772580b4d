package io.netfilterflow.web;

import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.simulation.BudgetExceeded;
import io.netfilterflow.simulation.SimulationException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as a ProblemDetail (RFC 9457): what is wrong and where, never a stack trace. */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ScenarioException.class)
    ProblemDetail invalidScenario(ScenarioException e) {
        return invalid(e);
    }

    @ExceptionHandler(SimulationException.class)
    ProblemDetail cannotSimulate(SimulationException e) {
        return cannotRun(e);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return internal();
    }

    /** 400 naming the scenario field, its JSON line and, for rules, the line inside the rules text. */
    static ProblemDetail invalid(ScenarioException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.describe());
        problem.setTitle("Invalid scenario");
        problem.setType(URI.create("/problems/invalid-scenario"));
        problem.setProperty("field", e.field());
        if (e.jsonLine() > 0) {
            problem.setProperty("line", e.jsonLine());
        }
        if (e.rulesLine() > 0) {
            problem.setProperty("rulesLine", e.rulesLine());
        }
        problem.setProperty("reason", e.getMessage());
        return problem;
    }

    /** 422: the scenario reads, but a rule cannot be evaluated, or the run needs more than its budget. */
    static ProblemDetail cannotRun(SimulationException e) {
        if (e instanceof BudgetExceeded over) {
            return overBudget(over);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                e.input() + " line " + e.line() + ": " + e.getMessage());
        problem.setTitle("Cannot simulate");
        problem.setProperty("field", "host." + e.input());
        problem.setProperty("rulesLine", e.line());
        problem.setProperty("reason", e.getMessage());
        return problem;
    }

    /** 422 naming the budget ({@code netfilter-flow.simulation.*}), its limit and where the run went over it. */
    static ProblemDetail overBudget(BudgetExceeded e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Simulation budget exceeded");
        problem.setType(URI.create("/problems/simulation-budget"));
        problem.setProperty("budget", "netfilter-flow.simulation." + e.limit().key());
        problem.setProperty("limit", e.max());
        problem.setProperty("packet", e.packet());
        if (e.stage() != null) {
            problem.setProperty("hook", e.stage().hook());
            problem.setProperty("table", e.stage().table());
            problem.setProperty("chain", e.stage().chain());
        }
        if (e.line() > 0) {
            problem.setProperty("field", "host." + e.input());
            problem.setProperty("rulesLine", e.line());
        }
        return problem;
    }

    static ProblemDetail internal() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The server failed while simulating; the error is in its log.");
        problem.setTitle("Internal error");
        return problem;
    }
}
