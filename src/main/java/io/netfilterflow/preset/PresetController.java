package io.netfilterflow.preset;

import java.util.List;
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

    @GetMapping("/api/presets")
    List<Preset> presets() {
        return catalog.list();
    }

    @GetMapping(value = "/api/presets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String preset(@PathVariable String id) {
        return catalog.text(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no preset '" + id + "'."));
    }
}
