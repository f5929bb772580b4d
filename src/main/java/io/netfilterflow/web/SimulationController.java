package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.Trace;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs a scenario ({@code ../shared/SCENARIO.md}): the whole trace as JSON, or one {@code hop} event
 * per step as a server-sent event stream. An invalid scenario is refused with 400 before anything runs.
 */
@RestController
@RequestMapping("/api/simulations")
class SimulationController {

    private final SimulationStreams streams;
    private final ScenarioRequests requests;

    SimulationController(SimulationStreams streams, ScenarioRequests requests) {
        this.streams = streams;
        this.requests = requests;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Trace trace(HttpServletRequest request) throws IOException {
        return Simulator.run(scenario(request));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpServletRequest request) throws IOException {
        return streams.start(scenario(request));
    }

    private Scenario scenario(HttpServletRequest request) throws IOException {
        return requests.scenario(requests.text(request));
    }
}
