package io.netfilterflow.live;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.web.RequestRefused;
import io.netfilterflow.web.ScenarioRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live sessions over HTTP. The presenter starts one ({@code POST /api/live}, answered with the join code and the
 * presenter's key), moves it ({@code POST /api/live/{code}/state}) and ends it ({@code DELETE}); pages follow it
 * as server-sent events ({@code GET /api/live/{code}/events}); students answer quiz questions
 * ({@code POST /api/live/{code}/answers}). Bodies are small JSON objects, read within
 * {@value #MAX_BODY_BYTES} bytes.
 */
@RestController
class LiveController {

    static final int MAX_BODY_BYTES = ScenarioRequests.SMALL_BODY_BYTES;

    private final LiveSessions sessions;
    private final LiveHub hub;
    private final ScenarioRequests requests;
    private final JsonMapper json;

    LiveController(LiveSessions sessions, LiveHub hub, ScenarioRequests requests, JsonMapper json) {
        this.sessions = sessions;
        this.hub = hub;
        this.requests = requests;
        this.json = json;
    }

    record Start(LiveState state) {
    }

    record Started(String code, String key, String path, long seq, LiveState state) {
    }

    record Current(String code, long seq, LiveState state, boolean ended) {
    }

    record Stepped(long seq) {
    }

    record Answer(int question, String voter, String answer) {
    }

    record Answers(int question, Map<String, Integer> answers) {
    }

    @PostMapping(value = "/api/live", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Started> start(HttpServletRequest request) throws IOException {
        LiveState state = read(request, Start.class).state();
        LiveSessions.Started started = sessions.start(state);
        String path = "/live/" + started.code();
        return ResponseEntity.created(URI.create(path))
                .body(new Started(started.code().value(), started.key().value(), path, 1, state));
    }

    @GetMapping("/api/live/{code}")
    Current current(@PathVariable String code) {
        JoinCode join = code(code);
        LiveStore.Session session = sessions.session(join);
        return new Current(join.value(), session.seq(), session.state(), session.ended());
    }

    @PostMapping(value = "/api/live/{code}/state", consumes = MediaType.APPLICATION_JSON_VALUE)
    Stepped step(@PathVariable String code, @RequestHeader(name = "Authorization", required = false) String key,
                 HttpServletRequest request) throws IOException {
        return new Stepped(sessions.step(code(code), PresenterKey.fromHeader(key), read(request, LiveState.class)));
    }

    @DeleteMapping("/api/live/{code}")
    ResponseEntity<Void> end(@PathVariable String code,
                             @RequestHeader(name = "Authorization", required = false) String key) {
        sessions.end(code(code), PresenterKey.fromHeader(key));
        return ResponseEntity.noContent().build();
    }

    /** The stream of a session's states; {@code presenter=true} adds the class's count and answers. */
    @GetMapping("/api/live/{code}/events")
    void events(@PathVariable String code, @RequestParam(defaultValue = "false") boolean presenter,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        JoinCode join = code(code);
        sessions.session(join); // 404 for a code never given, before the stream begins
        if (!hub.open(join, presenter, request, response)) {
            throw new RequestRefused(HttpStatus.SERVICE_UNAVAILABLE, Problem.of("api.live.too-many-streams",
                    hub.openStreams()));
        }
    }

    @PostMapping(value = "/api/live/{code}/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
    Answers answer(@PathVariable String code, HttpServletRequest request) throws IOException {
        Answer answer = read(request, Answer.class);
        return new Answers(answer.question(),
                sessions.answer(code(code), answer.question(), answer.voter(), answer.answer()));
    }

    @GetMapping("/api/live/{code}/answers/{question}")
    Answers answers(@PathVariable String code, @PathVariable int question) {
        return new Answers(question, sessions.answers(code(code), question));
    }

    private static JoinCode code(String text) {
        return JoinCode.parse(text).orElseThrow(() -> new RequestRefused(HttpStatus.NOT_FOUND,
                Problem.of("api.live.no-session", text)));
    }

    private <T> T read(HttpServletRequest request, Class<T> type) throws IOException {
        String body = requests.text(request, MAX_BODY_BYTES);
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.live.not-json", "null"));
            }
            return value;
        } catch (JacksonException e) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.live.not-json", e.getOriginalMessage()));
        }
    }
}
