package io.netfilterflow.snapshot;

import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.web.ScenarioRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/import}: a host snapshot (what capture.sh wrote) in, its scenario and the import's report out,
 * the report in the reader's language; read within the limits of a scenario.
 */
@RestController
class SnapshotController {

    /** The scenario, and what could not be carried over or was suggested, in the reader's words. */
    record Imported(ObjectNode scenario, List<String> report) {
    }

    private final ScenarioRequests requests;

    SnapshotController(ScenarioRequests requests) {
        this.requests = requests;
    }

    @PostMapping(path = "/api/import", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Imported importSnapshot(HttpServletRequest request, Locale locale) throws IOException {
        ProblemText words = ProblemText.of(locale);
        SnapshotImport.Result result = SnapshotImport.of(requests.text(request), words);
        return new Imported(result.scenario(), result.report().stream().map(words::render).toList());
    }

    @ExceptionHandler(InvalidValue.class)
    ProblemDetail notASnapshot(InvalidValue e, Locale locale) {
        ProblemText words = ProblemText.of(locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, words.render(e.problem()));
        problem.setTitle(words.render(io.netfilterflow.problem.Problem.of("api.title.400")));
        return problem;
    }
}
