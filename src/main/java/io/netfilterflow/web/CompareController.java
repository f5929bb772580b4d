package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.SimulationBudget;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.verify.Comparison;
import io.netfilterflow.verify.KernelTraceText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/compare} with {@code {"scenario": {...}, "trace": "..."}}: simulates the scenario and sets the
 * kernel trace beside it ({@code nft monitor trace} output or kernel log TRACE lines), as the {@code compare}
 * command does. The scenario may also come as a string, its text as written. Over a limit: 413; a text with no
 * trace line or two kinds of them: 400 naming its line.
 */
@RestController
class CompareController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScenarioRequests requests;
    private final WebProperties limits;
    private final CompareProperties compare;
    private final SimulationBudget budget;

    CompareController(ScenarioRequests requests, WebProperties limits, CompareProperties compare,
                      SimulationProperties simulation) {
        this.requests = requests;
        this.limits = limits;
        this.compare = compare;
        this.budget = simulation.budget();
    }

    @PostMapping(value = ScenarioBodyFilter.COMPARE, consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CompareJson compare(HttpServletRequest request) throws IOException {
        JsonNode body = body(text(request));
        JsonNode scenarioField = field(body, "scenario");
        // an object is read as its pretty-printed text, so a refusal's line is a line of that text
        String scenarioText = scenarioField.isString() ? scenarioField.asString()
                : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenarioField);
        if (scenarioText.getBytes(StandardCharsets.UTF_8).length > limits.maxScenarioBytes()) {
            throw ScenarioBody.tooLarge(limits.maxScenarioBytes());
        }
        String trace = field(body, "trace").asString();
        if (trace.getBytes(StandardCharsets.UTF_8).length > compare.maxTraceBytes()) {
            throw new RequestRefused(HttpStatus.CONTENT_TOO_LARGE, Problem.of("api.trace.too-large",
                    compare.maxTraceBytes()));
        }
        Scenario scenario = requests.scenario(scenarioText);
        KernelTraceText.Read read = KernelTraceText.read(trace, scenario.host().iptables(), compare.maxTraceLines());
        Trace run = Simulator.run(scenario, budget, step -> { });
        return CompareJson.of(Comparison.of(run, read, compare.maxPairs()));
    }

    /** The body; past its limit, refused in words that name both limits it is made of. */
    private String text(HttpServletRequest request) throws IOException {
        int limit = compare.maxBodyBytes(limits);
        try {
            return requests.text(request, limit);
        } catch (RequestRefused e) {
            if (e.status() != HttpStatus.CONTENT_TOO_LARGE) {
                throw e;
            }
            throw new RequestRefused(HttpStatus.CONTENT_TOO_LARGE, Problem.of("api.compare.too-large", limit));
        }
    }

    /** 400 naming the trace's line; 413 for a trace past a budget. */
    @ExceptionHandler(KernelTraceText.Refused.class)
    ProblemDetail refusedTrace(KernelTraceText.Refused e, Locale locale) {
        ProblemText words = ProblemText.of(locale);
        HttpStatus status = e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, words.render(e.problem()));
        problem.setTitle(words.render(Problem.of(e.tooLarge() ? "api.title.413" : "api.title.400")));
        problem.setProperty("field", "trace");
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    private static JsonNode body(String text) {
        try {
            JsonNode body = JSON.readTree(text);
            if (body == null || !body.isObject()) {
                throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.compare.not-json",
                        body == null ? "empty" : body.getNodeType().toString().toLowerCase(Locale.ROOT)));
            }
            return body;
        } catch (JacksonException e) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.compare.not-json", e.getOriginalMessage()));
        }
    }

    private static JsonNode field(JsonNode body, String name) {
        JsonNode value = body.get(name);
        boolean usable = value != null && (name.equals("trace") ? value.isString() : value.isObject() || value.isString());
        if (!usable) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.compare.missing", name));
        }
        return value;
    }
}
