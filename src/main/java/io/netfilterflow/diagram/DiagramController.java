package io.netfilterflow.diagram;

import io.netfilterflow.netfilter.core.Backend;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The diagram the page draws, per backend; built once from the hook registry. */
@RestController
class DiagramController {

    private final Map<Backend, Diagram> diagrams = new EnumMap<>(Backend.class);

    DiagramController() {
        for (Backend backend : Backend.values()) {
            diagrams.put(backend, Diagrams.of(backend));
        }
    }

    @GetMapping("/api/diagram")
    Diagram diagram(@RequestParam(defaultValue = "nft") String backend) {
        try {
            return diagrams.get(Backend.parse(backend));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
