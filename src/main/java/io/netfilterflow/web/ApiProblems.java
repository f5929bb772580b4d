package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.simulation.BudgetExceeded;
import io.netfilterflow.simulation.SimulationException;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as a ProblemDetail (RFC 9457): what is wrong and where, never a stack trace. Title, detail and
 * reason speak the reader's language (the page's choice, else {@code Accept-Language}); field names, lines and
 * the rules the user wrote stay as they are.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ScenarioException.class)
    ProblemDetail invalidScenario(ScenarioException e, Locale locale) {
        return invalid(e, ProblemText.of(locale));
    }

    @ExceptionHandler(SimulationException.class)
    ProblemDetail cannotSimulate(SimulationException e, Locale locale) {
        return cannotRun(e, ProblemText.of(locale));
    }

    @ExceptionHandler(RequestRefused.class)
    ProblemDetail refused(RequestRefused e, Locale locale) {
        ProblemText words = ProblemText.of(locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), words.render(e.problem()));
        problem.setTitle(switch (e.status()) {
            case REQUEST_TIMEOUT -> words.render(Problem.of("api.title.408"));
            case CONTENT_TOO_LARGE -> words.render(Problem.of("api.title.413"));
            case BAD_REQUEST -> words.render(Problem.of("api.title.400"));
            default -> e.status().getReasonPhrase(); // the detail says it in the reader's language
        });
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, Locale locale) {
        log.error("unexpected error", e);
        return internal(ProblemText.of(locale));
    }

    /** 400 naming the scenario field, its JSON line and, for rules, the line inside the rules text. */
    static ProblemDetail invalid(ScenarioException e, ProblemText words) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.describe(words));
        problem.setTitle(words.render(Problem.of("api.title.invalid-scenario")));
        problem.setType(URI.create("/problems/invalid-scenario"));
        problem.setProperty("field", e.field());
        if (e.jsonLine() > 0) {
            problem.setProperty("line", e.jsonLine());
        }
        if (e.rulesLine() > 0) {
            problem.setProperty("rulesLine", e.rulesLine());
        }
        problem.setProperty("reason", words.render(e.problem()));
        return problem;
    }

    /** 422: the scenario reads, but a rule cannot be evaluated, or the run needs more than its budget. */
    static ProblemDetail cannotRun(SimulationException e, ProblemText words) {
        if (e instanceof BudgetExceeded over) {
            return overBudget(over, words);
        }
        String reason = words.render(e.problem());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                words.render(Problem.of("api.rules-line", e.input(), e.line(), reason)));
        problem.setTitle(words.render(Problem.of("api.title.cannot-simulate")));
        problem.setProperty("field", "host." + e.input());
        problem.setProperty("rulesLine", e.line());
        problem.setProperty("reason", reason);
        return problem;
    }

    /** 422 naming the budget ({@code netfilter-flow.simulation.*}), its limit and where the run went over it. */
    static ProblemDetail overBudget(BudgetExceeded e, ProblemText words) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                words.render(e.problem()));
        problem.setTitle(words.render(Problem.of("api.title.budget")));
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

    static ProblemDetail internal(ProblemText words) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                words.render(Problem.of("api.internal")));
        problem.setTitle(words.render(Problem.of("api.title.internal")));
        return problem;
    }
}
