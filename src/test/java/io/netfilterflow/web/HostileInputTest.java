package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.ScenarioBuilder;
import io.netfilterflow.support.FuzzCorpus;
import io.netfilterflow.support.Mutator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an outside tester throws at the server, over real HTTP: each answered within 2 s with the
 * right status, as a ProblemDetail, and the server still answers health and a simulation after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "netfilter-flow.web.body-read-timeout=3s")
class HostileInputTest {

    private static final String PRESET = Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long HTTP_FUZZ_INPUTS = Long.getLong("fuzz.http-inputs", 2000);

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void theServerStillAnswersHealthAndASimulation() throws Exception {
        HttpResponse<String> health = timed(() -> get("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> run = timed(() -> post(PRESET));
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("\"flows\"");
    }

    @Test
    void numbersBeyondLongAre400NamingTheirField() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("seed", PRESET.replaceFirst("\\{", "{\"seed\": 123456789012345678901234567890,"));
        cases.put("host.sysctl.net.ipv4.ip_forward", PRESET.replace("\"net.ipv4.ip_forward\": 1",
                "\"net.ipv4.ip_forward\": 99999999999999999999"));
        cases.put("packets[0].icmpCode", withPacketField("\"icmpCode\": -99999999999999999999"));
        cases.put("packets[0].uid", withPacketField("\"uid\": 18446744073709551616"));
        for (var entry : cases.entrySet()) {
            HttpResponse<String> answer = timed(() -> post(entry.getValue()));
            assertThat(answer.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(field(answer, "field")).as(entry.getKey()).isEqualTo(entry.getKey());
        }
    }

    @Test
    void seventyThousandEmptyChainsCountAgainstTheRuleLimit() throws Exception {
        StringBuilder rules = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
                + ":OUTPUT ACCEPT [0:0]\n");
        for (int i = 0; i < 70_000; i++) {
            rules.append(":E").append(i).append(" -\n");
        }
        String scenario = ScenarioBuilder.docker().iptables(rules.append("COMMIT\n").toString()).json();
        HttpResponse<String> answer = timed(() -> post(scenario));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(field(answer, "detail")).contains("70009 rules and chains").contains("netfilter-flow.web.max-rules");
    }

    @Test
    void hugeNumbersInRulesAre400WithTheRulesLine() throws Exception {
        String scenario = PRESET.replace("--dport 8080", "--dport 99999999999999999999");
        HttpResponse<String> answer = timed(() -> post(scenario));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(field(answer, "field")).isEqualTo("host.iptables");
        assertThat(JSON.readTree(answer.body()).get("rulesLine").asInt()).isPositive();
    }

    @Test
    void slowSendersHoldNoThreadAndAreRefusedAtTheDeadline() throws Exception {
        byte[] body = PRESET.getBytes(StandardCharsets.UTF_8);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/simulations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                slow.add(socket);
            }
            HttpResponse<String> normal = timed(() -> post(PRESET));
            assertThat(normal.statusCode()).isEqualTo(200);

            Socket first = slow.get(0);
            first.setSoTimeout(10_000);
            long start = System.nanoTime();
            String answer = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 408");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void unknownActuatorPathsAndErrorAre404Problems() throws Exception {
        for (String path : List.of("/actuator/health/a%2Fb", "/actuator/env", "/actuator/health/nope",
                "/actuator/%2e%2e/x", "/error")) {
            HttpResponse<String> answer = timed(() -> get(path));
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/actuator/health/a%2Fb", "/error")) {
            assertThat(get(path).headers().firstValue("Content-Type").orElse("")).as(path)
                    .isEqualTo("application/problem+json");
        }
    }

    @Test
    void tomcatsOwnRefusalsAreProblemsWithTheSecurityHeaders() throws Exception {
        for (String requestLine : List.of("GET /" + "a".repeat(70_000) + " HTTP/1.1", "GET /a|b{c} HTTP/1.1",
                "GET /%zz HTTP/1.1", "BAD\u0001 / HTTP/1.1")) {
            String answer = timed(() -> raw(requestLine + "\r\nHost: x\r\n\r\n"));
            assertThat(answer).as(requestLine.substring(0, 12)).startsWith("HTTP/1.1 400")
                    .contains("Content-Type: application/problem+json").contains("Content-Security-Policy: ")
                    .contains("X-Content-Type-Options: nosniff").contains("\"status\":400").doesNotContain("<html");
        }
    }

    @Test
    void malformedBodiesAreRefusedAsProblems() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(timed(() -> post(deep)).statusCode()).as("10,000 nested arrays").isEqualTo(400);
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
        assertThat(timed(() -> post(deepObjects)).statusCode()).as("10,000 nested objects").isEqualTo(400);

        String twentyMegabytes = "{\"title\": \"" + "x".repeat(20 << 20) + "\"}";
        assertThat(timed(() -> post(twentyMegabytes)).statusCode()).as("a 20 MB string").isEqualTo(413);

        byte[] notUtf8 = PRESET.replace("WAN", "W\u0000N").getBytes(StandardCharsets.UTF_8);
        notUtf8[PRESET.indexOf("W\u0000N") + 1] = (byte) 0xc3; // a lead byte followed by 'N'
        HttpResponse<String> invalid = timed(() -> post(notUtf8));
        assertThat(invalid.statusCode()).as("invalid UTF-8").isEqualTo(400);
        assertThat(invalid.body()).contains("not UTF-8");

        assertThat(timed(() -> post("")).statusCode()).as("an empty body").isEqualTo(400);
        assertThat(timed(() -> post("{\"schema\": \"netfilter-flow/scenario@1\"")).statusCode()).as("cut short")
                .isEqualTo(400);
    }

    /**
     * Mutated scenarios through the real API, asking for each form in turn (the JSON trace, the hop
     * stream, the text forms) and sharing some: none may get a 5xx or take long, and a stream that
     * starts ends with {@code done} or an {@code error} event.
     */
    @Test
    void fuzzedScenariosNeverGetA5xx() throws Exception {
        FuzzCorpus corpus = FuzzCorpus.load();
        Mutator mutator = new Mutator(4242, corpus.tokens());
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String[]> forms = List.of(new String[] {"/api/simulations", "application/json"},
                new String[] {"/api/simulations", "text/event-stream"},
                new String[] {"/api/simulations?format=text", "text/plain"},
                new String[] {"/api/simulations?format=counters", "text/plain"},
                new String[] {"/api/simulations?format=conformance", "text/plain"},
                new String[] {"/api/shares", "application/json"});
        for (long i = 0; i < HTTP_FUZZ_INPUTS; i++) {
            String input = mutator.scenario(corpus.scenarios().get(mutator.random().nextInt(corpus.scenarios().size())));
            String[] form = forms.get((int) (i % forms.size()));
            HttpResponse<String> answer = timed(() -> post(form[0], form[1], input.getBytes(StandardCharsets.UTF_8)));
            statuses.merge(answer.statusCode() + " " + form[1], 1, Integer::sum);
            assertThat(answer.statusCode()).as("input %d as %s: %s", i, form[1], answer.body()).isLessThan(500);
            if (form[1].equals("text/event-stream") && answer.statusCode() == 200) {
                assertThat(answer.body()).as("input %d", i).containsAnyOf("event:done", "event:error");
            }
        }
        System.out.println("HTTP fuzz: " + HTTP_FUZZ_INPUTS + " inputs, statuses " + statuses);
    }

    private static String withPacketField(String field) {
        return PRESET.replaceFirst("\"packets\": \\[\\s*\\{", "\"packets\": [{" + field + ",");
    }

    private static String field(HttpResponse<String> answer, String name) {
        JsonNode value = JSON.readTree(answer.body()).get(name);
        return value == null ? null : value.asString();
    }

    interface Call<T> {
        T call() throws Exception;
    }

    /** The call's answer, which must come within 2 s. */
    private static <T> T timed(Call<T> call) throws Exception {
        long start = System.nanoTime();
        T answer = call.call();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        return answer;
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(byte[] body) throws IOException, InterruptedException {
        return post("/api/simulations", "application/json", body);
    }

    private HttpResponse<String> post(String path, String accept, byte[] body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Accept", accept).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as raw bytes, for what an HTTP client library will not send; the whole answer. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
