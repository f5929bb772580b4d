package io.netfilterflow.preset;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.problem.ProblemText;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The shipped scenarios: the list for the preset menu, and each one's JSON. */
@RestController
class PresetController {

    private final PresetCatalog catalog;

    PresetController(PresetCatalog catalog) {
        this.catalog = catalog;
    }

    /** The menu, in the reader's language (the page's choice, else {@code Accept-Language}). */
    @GetMapping("/api/presets")
    List<Preset> presets(Locale locale, HttpServletResponse response) {
        response.setHeader("Vary", "Accept-Language, Cookie");
        return catalog.list(locale);
    }

    @GetMapping(value = "/api/presets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String preset(@PathVariable String id, Locale locale, HttpServletResponse response) {
        response.setHeader("Vary", "Accept-Language, Cookie");
        return catalog.text(id, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                ProblemText.of(locale).render(Problem.of("api.no-preset", id))));
    }
}
