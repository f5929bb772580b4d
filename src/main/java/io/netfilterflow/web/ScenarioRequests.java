package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * A scenario sent to the API, read within the server's limits: its size (413 beyond it), then its
 * rules and packets (400 naming the field and the limit). The same limits hold for running and
 * for sharing, so a shared link always runs.
 */
@Component
public class ScenarioRequests {

    /** The most a small JSON body beside the scenarios may take (a live session's state or answer). */
    public static final int SMALL_BODY_BYTES = 4096;

    private final ScenarioCache scenarios;
    private final WebProperties limits;

    ScenarioRequests(ScenarioCache scenarios, WebProperties limits) {
        this.scenarios = scenarios;
        this.limits = limits;
    }

    /**
     * The body's text, refused with 413 past {@code netfilter-flow.web.max-scenario-bytes}, 408 when it
     * came too slowly, 400 when it is not UTF-8. {@link ScenarioBodyFilter} has read it already, without
     * a thread; a request it did not read is read here.
     */
    public String text(HttpServletRequest request) throws IOException {
        return text(request, limits.maxScenarioBytes());
    }

    /** The body's text within {@code limit} bytes (a scenario with something beside it). */
    public String text(HttpServletRequest request, int limit) throws IOException {
        Object read = request.getAttribute(ScenarioBodyFilter.BODY);
        if (read instanceof RuntimeException refused) {
            throw refused;
        }
        if (read instanceof byte[] body) {
            return ScenarioBody.text(body);
        }
        return ScenarioBody.read(request.getInputStream(), request.getContentLengthLong(), limit);
    }

    /** The scenario of the text, refused with 400 if invalid or past the rule and packet limits. */
    public Scenario scenario(String text) {
        Scenario scenario = scenarios.read(text);
        // a chain costs work too (listing, jumps), so chains count toward the same limit as rules
        var host = scenario.host();
        int rules = host.iptables().ruleCount() + host.ebtables().ruleCount() + host.iptables().chainCount()
                + host.ebtables().chainCount() + host.nftables().ruleset().ruleCount()
                + host.nftables().ruleset().chainCount();
        if (rules > limits.maxRules()) {
            throw new ScenarioException("host", 0, 0, Problem.of("api.too-many-rules", rules, limits.maxRules()));
        }
        if (scenario.packets().size() > limits.maxPackets()) {
            throw new ScenarioException("packets", 0, 0, Problem.of("api.too-many-packets", scenario.packets().size(),
                    limits.maxPackets()));
        }
        return scenario;
    }
}
