package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulation API over real HTTP: the stream equals the JSON trace; every error is a ProblemDetail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "netfilter-flow.web.max-scenario-bytes=65536")
class SimulationApiTest {

    private static final String PRESET = Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theStreamsEventsEqualTheJsonTraceForEveryRecordedScenario() throws Exception {
        for (Path file : Fixtures.scenarios()) {
            String scenario = Fixtures.read(file);
            JsonNode trace = JSON.readTree(post(scenario, "application/json").body());
            List<Event> events = events(post(scenario, "text/event-stream").body());

            List<JsonNode> hops = events.stream().filter(e -> e.name.equals("hop")).map(e -> e.data).toList();
            assertThat(hops).as(file.toString()).isEqualTo(list(trace.get("steps")));
            assertThat(events.stream().filter(e -> e.name.equals("hop")).map(e -> e.id).toList())
                    .isEqualTo(hops.stream().map(hop -> hop.get("seq").asString()).toList());
            Event done = events.get(events.size() - 1);
            assertThat(done.name).isEqualTo("done");
            assertThat(done.data.get("flows")).isEqualTo(trace.get("flows"));
            assertThat(done.data.get("counters")).isEqualTo(trace.get("counters"));
            assertThat(done.data.get("steps").asInt()).isEqualTo(hops.size());
        }
    }

    @Test
    void theTraceSpeaksTheReadersLanguageAndConformanceStaysTheKernels() throws Exception {
        String english = post(PRESET, "text/plain", "en", "").body();
        HttpResponse<String> korean = post(PRESET, "text/plain", "ko-KR,ko;q=0.9", "");
        assertThat(korean.headers().firstValue("Content-Language")).hasValue("ko");
        assertThat(korean.body()).containsPattern("[\\uAC00-\\uD7A3]").doesNotContain("routing decision")
                .contains("PREROUTING", "DNAT");
        String hans = post(PRESET, "text/plain", "zh-Hans", "").body();
        String hant = post(PRESET, "text/plain", "zh-TW", "").body();
        assertThat(hans).containsPattern("[\\u4E00-\\u9FFF]").isNotEqualTo(hant).isNotEqualTo(english);
        assertThat(post(PRESET, "text/plain", "", "").body()).as("no Accept-Language: English").isEqualTo(english);

        for (String language : List.of("ko", "zh-Hans", "zh-Hant")) {
            assertThat(post(PRESET, "text/plain", language, "?format=conformance").body()).as(language)
                    .isEqualTo(post(PRESET, "text/plain", "en", "?format=conformance").body());
        }
        JsonNode en = JSON.readTree(post(PRESET, "application/json", "en", "").body());
        JsonNode zh = JSON.readTree(post(PRESET, "application/json", "zh-Hant", "").body());
        assertThat(zh.get("language").asString()).isEqualTo("zh-TW");
        for (int i = 0; i < en.get("steps").size(); i++) {
            JsonNode a = en.get("steps").get(i);
            JsonNode b = zh.get("steps").get(i);
            assertThat(b.get("reason")).as("step %d's reason is data, the same in every language", i)
                    .isEqualTo(a.get("reason"));
            assertThat(b.get("node")).isEqualTo(a.get("node"));
            assertThat(b.get("why").asString()).isNotEqualTo(a.get("why").asString());
        }
    }

    @Test
    void refusalsSpeakTheReadersLanguageAndKeepTheirFieldAndLine() throws Exception {
        String scenario = PRESET.replace("-A DOCKER-USER -j RETURN", "-A DOCKER-USER -p tcp --dport 70000 -j RETURN");
        JsonNode english = JSON.readTree(post(scenario, "application/json", "en", "").body());
        JsonNode korean = JSON.readTree(post(scenario, "application/json", "ko", "").body());
        assertThat(korean.get("title").asString()).isEqualTo("잘못된 시나리오");
        assertThat(korean.get("field")).isEqualTo(english.get("field"));
        assertThat(korean.get("rulesLine")).isEqualTo(english.get("rulesLine"));
        assertThat(korean.get("detail").asString()).startsWith("host.iptables 49행: ").contains("70000");

        HttpResponse<String> format = post(PRESET, "text/plain", "zh-TW", "?format=pcap");
        assertThat(format.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(format.body());
        assertThat(problem.get("title").asString()).isEqualTo("錯誤的請求");
        assertThat(problem.get("detail").asString()).isEqualTo("未知的格式 'pcap'：文字格式有 text、conformance 與 counters。");

        String ping = "{\"from\": \"wan\", \"proto\": \"icmp\", \"dst\": \"10.99.0.5\", \"icmpType\": \"echo-request\"},";
        String many = PRESET.replaceFirst("\"packets\": \\[", "\"packets\": [" + ping.repeat(201));
        JsonNode tooMany = JSON.readTree(post(many, "application/json", "zh-Hans", "").body());
        assertThat(tooMany.get("field").asString()).as(tooMany.toString()).isEqualTo("packets");
        assertThat(tooMany.get("detail").asString()).contains("数据包").contains("netfilter-flow.web.max-packets");
    }

    /** The mac-filter preset sends two pings from c1 (dropped) and one from c2: ebtables counts the drops. */
    @Test
    void countersListEbtablesTablesAfterIptablesOnes() throws Exception {
        String scenario = Fixtures.read(Path.of("src/main/resources/scenarios/ebtables-mac-filter.json"));
        HttpResponse<String> counters = client.send(HttpRequest.newBuilder(uri("/api/simulations?format=counters"))
                .header("Content-Type", "application/json").header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(scenario)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(counters.statusCode()).isEqualTo(200);
        String text = counters.body();
        assertThat(text.indexOf("# ebtables -t filter -L --Lc\nBridge table: filter\n"))
                .isGreaterThan(text.indexOf("# iptables -t filter -vL\n"));
        assertThat(text).containsPattern("\nBridge chain: FORWARD, entries: 1, policy: ACCEPT\n"
                + "-s 02:42:ac:11:00:02 -j DROP , pcnt = [1-9]\\d* -- bcnt = [1-9]\\d*\n");
    }

    @Test
    void aBadRulesLineGetsA400ProblemNamingTheFieldAndLine() throws Exception {
        String scenario = PRESET.replace("-A DOCKER-USER -j RETURN", "-A DOCKER-USER -p tcp --dport 70000 -j RETURN");
        for (String accept : List.of("application/json", "text/event-stream")) {
            HttpResponse<String> response = post(scenario, accept);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("title").asString()).isEqualTo("Invalid scenario");
            assertThat(problem.get("field").asString()).isEqualTo("host.iptables");
            assertThat(problem.get("rulesLine").asInt()).isEqualTo(49);
            assertThat(problem.get("detail").asString()).isEqualTo("host.iptables line 49: tcp: --dport: '70000' is not a port number");
        }
    }

    @Test
    void aBadJsonFieldGetsA400ProblemWithItsJsonLine() throws Exception {
        String scenario = PRESET.replace("\"backend\": \"nft\"", "\"backend\": \"nftables\"");
        JsonNode problem = JSON.readTree(post(scenario, "application/json").body());

        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("field").asString()).isEqualTo("host.backend");
        assertThat(problem.get("line").asInt()).isEqualTo(lineOf(PRESET, "\"backend\""));
    }

    @Test
    void anUnsupportedExtensionReachedWhileStreamingArrivesAsAnErrorEvent() throws Exception {
        String scenario = PRESET.replace("-A FORWARD -j DOCKER-USER", "-A FORWARD -m bogusmatch --foo 1 -j ACCEPT\\n-A FORWARD -j DOCKER-USER");
        List<Event> events = events(post(scenario, "text/event-stream").body());

        Event last = events.get(events.size() - 1);
        assertThat(last.name).isEqualTo("error");
        assertThat(last.data.get("status").asInt()).isEqualTo(422);
        assertThat(last.data.get("detail").asString()).contains("'bogusmatch' is not modelled").contains("line 38");
        // every hop up to the rule that could not be evaluated, then the error
        assertThat(events.stream().filter(e -> e.name.equals("hop")).count()).isGreaterThan(10);
    }

    @Test
    void anOversizedBodyGets413() throws Exception {
        String big = PRESET.replace("\"title\":", "\"notes\": \"" + "x".repeat(70_000) + "\", \"title\":");
        HttpResponse<String> response = post(big, "text/event-stream");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("65536 bytes");
    }

    @Test
    void otherApiErrorsAreProblemsToo() throws Exception {
        HttpResponse<String> text = client.send(HttpRequest.newBuilder(uri("/api/simulations"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> preset = get("/api/presets/no-such-preset");
        assertThat(preset.statusCode()).isEqualTo(404);
        assertThat(preset.body()).contains("no-such-preset").doesNotContain("Exception");

        HttpResponse<String> backend = get("/api/diagram?backend=iptables");
        assertThat(backend.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(backend.body()).get("detail").asString()).contains("'iptables' is not a backend");
    }

    @Test
    void pagesCarryACspAndScriptsAreCompressed() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> d3 = client.send(HttpRequest.newBuilder(uri("/webjars/d3-selection/dist/d3-selection.min.js"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(d3.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var unzipped = new GZIPInputStream(new java.io.ByteArrayInputStream(d3.body()))) {
            assertThat(new String(unzipped.readAllBytes())).contains("d3js.org");
        }
    }

    private record Event(String name, String id, JsonNode data) {
    }

    private static List<Event> events(String stream) {
        List<Event> events = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            if (name != null) {
                events.add(new Event(name, id, JSON.readTree(data.toString())));
            }
        }
        return events;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    private HttpResponse<String> post(String scenario, String accept) throws IOException, InterruptedException {
        return post(scenario, accept, "", "");
    }

    /** A run asked for in a language ({@code Accept-Language}, none when empty) with a query string. */
    private HttpResponse<String> post(String scenario, String accept, String language, String query)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/simulations" + query))
                .header("Content-Type", "application/json").header("Accept", accept);
        if (!language.isEmpty()) {
            request.header("Accept-Language", language);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(scenario)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
