package io.netfilterflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.FlowPage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick start as the build leaves it ({@code target/netfilter-flow}, run after {@code package}): its server
 * starts from the bean definitions made ahead of time, and must answer exactly as the regular start does, preset
 * for preset; its commands read files as {@code java -jar} does.
 */
class QuickStartIT {

    private static final Path LAUNCHER = Path.of("target/netfilter-flow");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final List<Process> servers = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    void theAheadOfTimeServerAnswersAsTheRegularOne() throws Exception {
        String aot = start("aot", "");
        String regular = start("regular", "-Dspring.aot.enabled=false");
        assertThat(Files.readString(dir.resolve("aot.log"))).contains("Starting AOT-processed");
        assertThat(Files.readString(dir.resolve("regular.log"))).doesNotContain("AOT-processed");

        JsonNode presets = JSON.readTree(get(aot, "/api/presets").body());
        assertThat(presets.size()).isGreaterThan(5);
        assertThat(get(aot, "/api/presets").body()).isEqualTo(get(regular, "/api/presets").body());
        assertThat(get(aot, "/api/diagram").body()).isEqualTo(get(regular, "/api/diagram").body());
        for (JsonNode preset : presets) {
            String id = preset.get("id").asString();
            String scenario = get(aot, "/api/presets/" + id).body();
            HttpResponse<String> trace = post(aot, "/api/simulations", scenario, "application/json");
            assertThat(trace.statusCode()).as(id).isEqualTo(200);
            assertThat(trace.body()).as(id).isEqualTo(post(regular, "/api/simulations", scenario, "application/json")
                    .body());
            assertThat(post(aot, "/api/simulations", scenario, "text/plain").body()).as(id)
                    .isEqualTo(post(regular, "/api/simulations", scenario, "text/plain").body());
        }

        HttpResponse<String> bad = post(aot, "/api/simulations", "{\"rules\": 1}", "application/json");
        assertThat(bad.statusCode()).isIn(400, 422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(bad.body()).isEqualTo(post(regular, "/api/simulations", "{\"rules\": 1}", "application/json")
                .body());

        String scenario = get(aot, "/api/presets/raw-notrack").body();
        HttpResponse<String> shared = post(aot, "/api/shares", scenario, "application/json");
        assertThat(shared.statusCode()).isEqualTo(201);
        String shareId = JSON.readTree(shared.body()).get("id").asString();
        assertThat(get(aot, "/api/shares/" + shareId).body()).isEqualTo(scenario);

        List<String> errors = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            JsonNode seen = null;
            for (String base : List.of(aot, regular)) {
                Page page = browser.page(1280, 720, errors);
                page.navigate(base + "/?preset=raw-notrack");
                page.waitForSelector("body[data-ready=true]");
                FlowPage.run(page);
                JsonNode trace = FlowPage.export(page, "export-trace");
                assertThat(trace).as(base).isEqualTo(seen == null ? trace : seen);
                seen = trace;
                page.context().close();
            }
            Page reopened = browser.page(1280, 720, errors);
            reopened.navigate(aot + "/s/" + shareId);
            reopened.waitForSelector("body[data-ready=true]");
            FlowPage.finished(reopened);
            assertThat(FlowPage.export(reopened, "export-trace")).isEqualTo(seen);
        }
        assertThat(errors).as("errors in the page").isEmpty();
    }

    @Test
    void theCommandsReadFilesAsTheJarDoes() throws Exception {
        Path rules = dir.resolve("rules");
        Files.writeString(rules, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n"
                + "-A INPUT -j NOWHERE\nCOMMIT\n");
        Result refused = run("check", rules.toString());
        assertThat(refused.exit).isEqualTo(2);
        assertThat(refused.output).startsWith(rules + ":4: ");
        Files.writeString(rules, "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n");
        Result checked = run("check", rules.toString());
        assertThat(checked.exit).isZero();
        assertThat(checked.output).isEqualTo(jar("check", rules.toString()).output);
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return finish(new ProcessBuilder(command));
    }

    private Result jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", "target/netfilter-flow.jar"));
        command.addAll(List.of(args));
        return finish(new ProcessBuilder(command));
    }

    private static Result finish(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A launcher server on a port of its own, once its health says UP; its base URL. */
    private String start(String name, String javaOpts) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "--server.port=" + port,
                "--netfilter-flow.data-dir=" + dir.resolve(name + "-data"))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().putAll(Map.of("JAVA_OPTS", javaOpts, "JAVA_HOME", System.getProperty("java.home")));
        Process server = builder.start();
        servers.add(server);
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                if (get(base, "/actuator/health").body().contains("UP")) {
                    return base;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " server did not say UP:\n" + Files.readString(dir.resolve(name + ".log")));
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String path, String body, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
