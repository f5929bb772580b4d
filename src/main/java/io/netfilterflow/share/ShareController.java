package io.netfilterflow.share;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import io.netfilterflow.web.ScenarioRequests;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stored share links: {@code POST /api/shares} keeps a scenario too large for a link's fragment and
 * answers its id; {@code GET /api/shares/{id}} gives it back, byte for byte. Nothing else: no update,
 * no delete, no list, so a link cannot be overwritten and the ids cannot be walked.
 */
@RestController
class ShareController {

    private final ShareStore store;
    private final ScenarioRequests requests;

    ShareController(ShareStore store, ScenarioRequests requests) {
        this.store = store;
        this.requests = requests;
    }

    /** The id and the link's path; 201 with the link as Location. Only a valid scenario is kept. */
    record Created(String id, String path) {
    }

    @PostMapping(value = "/api/shares", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> share(HttpServletRequest request) throws IOException {
        String text = requests.text(request);
        requests.scenario(text);
        ShareId id = store.save(text);
        String path = "/s/" + id;
        return ResponseEntity.created(URI.create(path)).body(new Created(id.value(), path));
    }

    @GetMapping(value = "/api/shares/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> shared(@PathVariable String id, Locale locale) {
        String text = ShareId.parse(id).flatMap(store::find).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, ProblemText.of(locale).render(Problem.of("api.no-shared-scenario"))));
        // a share never changes, so the browser may keep it; but only the browser: a shared cache
        // (a proxy, a CDN) must not hold someone's scenario for others
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .body(text);
    }
}
