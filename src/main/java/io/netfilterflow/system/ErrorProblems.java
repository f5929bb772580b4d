package io.netfilterflow.system;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the container forwards errors the app did not answer itself: each as a
 * ProblemDetail with its own status. Asked for directly, {@code /error} is a page like any missing
 * one (404), never a 5xx: the client made no error the server failed on.
 */
@RestController
class ErrorProblems implements ErrorController {

    @RequestMapping(value = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, Locale locale) {
        ProblemText words = ProblemText.of(locale);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String detail = words.render(status == HttpStatus.NOT_FOUND ? Problem.of("api.no-page")
                : status.is5xxServerError() ? Problem.of("api.server-failed")
                : Problem.of("api.refused-status", status.getReasonPhrase()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
