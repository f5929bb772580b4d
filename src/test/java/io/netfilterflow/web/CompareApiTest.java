package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.Step;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/compare} over real HTTP: a recorded {@code nft monitor trace} of a preset is identical to its
 * simulation, each kernel line standing at the hop it is; one changed verdict is the first divergence, at its
 * line of the text; other lines are skipped and counted; bad input is a ProblemDetail, 400 or 413.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netfilter-flow.compare.max-trace-bytes=32768", "netfilter-flow.compare.max-trace-lines=100"})
class CompareApiTest {

    static final String PRESET = Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json"));
    static final String MONITOR = Fixtures.read(Path.of("src/test/resources/compare/docker-wan-published.nft-monitor"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    /** The monitor text with the DOCKER chain's accept turned into a drop, and the line (from 1) changed. */
    static Map.Entry<String, Integer> changedVerdict() {
        List<String> lines = MONITOR.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(" ip filter DOCKER rule ") && lines.get(i).endsWith("(verdict accept)")) {
                List<String> changed = new java.util.ArrayList<>(lines);
                changed.set(i, lines.get(i).replace("(verdict accept)", "(verdict drop)"));
                return Map.entry(String.join("\n", changed) + "\n", i + 1);
            }
        }
        throw new AssertionError("no DOCKER accept in the recorded trace");
    }

    @Test
    void aRecordedTraceOfThePresetIsIdenticalAndEachKernelLineStandsAtItsHop() throws Exception {
        JsonNode answer = JSON.readTree(compare(JSON.readTree(PRESET), MONITOR, "").body());
        List<Step> steps = ConformanceFormat.steps(Simulator.run(ScenarioReader.read(PRESET)));

        assertThat(answer.get("identical").asBoolean()).isTrue();
        assertThat(answer.get("firstDivergence").isNull()).isTrue();
        assertThat(answer.get("format").asString()).isEqualTo("nft monitor trace");
        assertThat(answer.get("kernel").size()).isEqualTo(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode line = answer.get("kernel").get(i);
            assertThat(line.get("matches").asBoolean()).isTrue();
            assertThat(line.get("seq").asInt()).isEqualTo(steps.get(i).seq());
            assertThat(line.get("node").asString()).isEqualTo(steps.get(i).node());
            assertThat(answer.get("simulated").get(i).get("line").asString())
                    .isEqualTo(ConformanceFormat.line(steps.get(i)));
        }
        assertThat(answer.get("skipped").get("count").asInt()).isZero();
    }

    @Test
    void oneChangedVerdictIsTheFirstDivergenceAtItsLineAndBox() throws Exception {
        Map.Entry<String, Integer> changed = changedVerdict();
        // the scenario as its text, as written, does as well as the object
        JsonNode answer = JSON.readTree(compare(JSON.getNodeFactory().stringNode(PRESET), changed.getKey(), "").body());

        assertThat(answer.get("identical").asBoolean()).isFalse();
        JsonNode row = answer.get("rows").get(answer.get("firstDivergence").asInt());
        assertThat(row.get("mark").asString()).isEqualTo("|");
        JsonNode kernel = answer.get("kernel").get(row.get("kernel").asInt());
        assertThat(kernel.get("line").asString()).startsWith("ip filter DOCKER drop | ");
        assertThat(kernel.get("matches").asBoolean()).isFalse();
        assertThat(kernel.get("source").asInt()).isEqualTo(changed.getValue());
        assertThat(kernel.get("node").asString()).isEqualTo("ip:filter:FORWARD");
        assertThat(answer.get("simulated").get(row.get("simulated").asInt()).get("line").asString())
                .startsWith("ip filter DOCKER accept | ");
        long different = 0;
        for (JsonNode each : answer.get("rows")) {
            different += each.get("mark").asString().equals("=") ? 0 : 1;
        }
        assertThat(different).isEqualTo(1);
        assertThat(answer.get("inCommon").asInt()).isEqualTo(answer.get("kernel").size() - 1);
    }

    @Test
    void linesThatAreNotTraceLinesAreSkippedAndCounted() throws Exception {
        String pasted = "$ sudo nft monitor trace\nbash: warning: something\n\n" + MONITOR;
        JsonNode answer = JSON.readTree(compare(JSON.readTree(PRESET), pasted, "").body());

        assertThat(answer.get("identical").asBoolean()).isTrue();
        assertThat(answer.get("skipped").get("count").asInt()).isEqualTo(2);
        assertThat(answer.get("skipped").get("lines").toString()).isEqualTo("[1,2]");
        assertThat(answer.get("kernel").get(0).get("source").asInt()).isGreaterThan(3);
    }

    @Test
    void badInputIsAProblemDetailNamingTheTraceAndItsLine() throws Exception {
        HttpResponse<String> none = compare(JSON.readTree(PRESET), "hello\n", "");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(none.body()).get("field").asString()).isEqualTo("trace");
        assertThat(JSON.readTree(none.body()).get("detail").asString()).contains("nft monitor trace");

        String mixed = MONITOR.lines().limit(5).reduce("", (a, b) -> a + b + "\n")
                + "[  12.5] TRACE: filter:FORWARD:policy:3 IN=eth0 OUT=docker0 SRC=10.0.0.1 DST=10.0.0.2 PROTO=ICMP TYPE=8\n";
        HttpResponse<String> both = compare(JSON.readTree(PRESET), mixed, "");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(both.body()).get("line").asInt()).isEqualTo(6);

        HttpResponse<String> korean = compare(JSON.readTree(PRESET), "hello\n", "ko");
        assertThat(JSON.readTree(korean.body()).get("detail").asString()).containsPattern("[\\uAC00-\\uD7A3]");

        assertThat(post("{\"scenario\": " + PRESET + "}").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(post("{\"scenario\": " + PRESET + "}").body()).get("detail").asString())
                .contains("\"trace\"");
        assertThat(post("[1, 2]").statusCode()).isEqualTo(400);
        assertThat(post("{\"scenario\": ").statusCode()).isEqualTo(400);

        HttpResponse<String> invalid = compare(JSON.readTree("{\"host\": {\"interfaces\": 7}}"), MONITOR, "");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).has("field")).isTrue();
    }

    @Test
    void aTracePastItsBytesOrLinesIsRefusedAs413() throws Exception {
        HttpResponse<String> large = compare(JSON.readTree(PRESET), MONITOR + "x".repeat(32768), "");
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(large.body()).get("detail").asString()).contains("32768");

        // the body as a whole: a scenario's limit and twice the trace's (JSON's escapes), and a little
        HttpResponse<String> body = compare(JSON.readTree(PRESET), "x".repeat(1_200_000), "");
        assertThat(body.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(body.body()).get("detail").asString())
                .contains(String.valueOf((1 << 20) + 2 * 32768 + 4096)).contains("max-trace-bytes");

        HttpResponse<String> lines = compare(JSON.readTree(PRESET), MONITOR + "\n".repeat(60) + "x\n", "");
        assertThat(lines.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(lines.body()).get("line").asInt()).isEqualTo(101);
    }

    private HttpResponse<String> compare(JsonNode scenario, String trace, String language) throws Exception {
        var body = JSON.createObjectNode();
        body.set("scenario", scenario);
        body.put("trace", trace);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/compare"))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (!language.isEmpty()) {
            request.header("Accept-Language", language);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/compare"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
