package io.netfilterflow.web;

import io.netfilterflow.netfilter.list.ChainListing;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.simulation.SimulationBudget;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs a scenario (README.md, "The scenario format"): the whole trace as JSON, or one {@code hop} event
 * per step as a server-sent event stream. An invalid scenario is refused with 400 before anything runs; a
 * run that needs more than its budget ({@code netfilter-flow.simulation.*}) ends with 422.
 */
@RestController
@RequestMapping("/api/simulations")
@EnableConfigurationProperties(SimulationProperties.class)
class SimulationController {

    private final SimulationStreams streams;
    private final ScenarioRequests requests;
    private final SimulationBudget budget;

    SimulationController(SimulationStreams streams, ScenarioRequests requests, SimulationProperties properties) {
        this.streams = streams;
        this.requests = requests;
        this.budget = properties.budget();
    }

    /** The whole run; its sentences in the reader's language (the page's choice, else {@code Accept-Language}). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    TraceJson.Document trace(HttpServletRequest request, HttpServletResponse response, Locale locale)
            throws IOException {
        TraceMessages words = words(locale, response);
        Scenario scenario = scenario(request);
        return TraceJson.of(Simulator.run(scenario, budget, step -> { }), words,
                ChainListing.of(scenario.host()));
    }

    /** The run as text: {@code text} for people, {@code conformance} to diff with a kernel, {@code counters} as iptables -vL. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    String text(HttpServletRequest request, HttpServletResponse response,
                @RequestParam(defaultValue = "text") String format, Locale locale) throws IOException {
        TraceText printer = TraceText.of(format);
        TraceMessages words = words(locale, response);
        Scenario scenario = scenario(request);
        return printer.print(scenario, Simulator.run(scenario, budget, step -> { }), words);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void stream(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        words(locale, response);
        streams.start(scenario(request), budget, locale, request, response);
    }

    /** The reader's words; the answer says which language it is in and that it depends on the asking. */
    private static TraceMessages words(Locale locale, HttpServletResponse response) {
        TraceMessages words = TraceMessages.of(locale);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, words.language());
        response.addHeader(HttpHeaders.VARY, "Accept-Language, Cookie");
        return words;
    }

    private Scenario scenario(HttpServletRequest request) throws IOException {
        return requests.scenario(requests.text(request));
    }
}
