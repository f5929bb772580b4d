package io.netfilterflow.web;

import io.netfilterflow.diagram.Diagram;
import io.netfilterflow.diagram.Diagrams;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.scenario.Scenario;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The diagram the page draws: per backend, built once from the hook registry; or for a scenario whose host has
 * native nftables tables, the host as its kernel registers it, native base chains in the hooks' frames (read within
 * the API's limits).
 */
@RestController
class DiagramController {

    private final Map<Backend, Diagram> diagrams = new EnumMap<>(Backend.class);
    private final ScenarioRequests requests;

    DiagramController(ScenarioRequests requests) {
        this.requests = requests;
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

    @PostMapping(path = "/api/diagram", consumes = MediaType.APPLICATION_JSON_VALUE)
    Diagram diagram(HttpServletRequest request) throws IOException {
        Scenario scenario = requests.scenario(requests.text(request));
        var host = scenario.host();
        return host.nftables().isEmpty() ? diagrams.get(host.backend()) : Diagrams.of(host);
    }
}
