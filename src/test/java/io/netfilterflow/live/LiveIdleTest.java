package io.netfilterflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session nobody moves ends by itself (its students told), and is deleted with its answers a while later: nothing
 * of a class is kept once its session is over. Its database is its own: the context stays cached while later tests
 * run, and its sweeper would end their sessions too, any left unmoved for 1.5 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netfilter-flow.live.idle-timeout=1500ms", "netfilter-flow.live.keep-ended=500ms",
                "netfilter-flow.live.sweep=200ms", "netfilter-flow.data-dir=target/test-data-live-idle"})
class LiveIdleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anIdleSessionEndsAndIsForgottenWithItsAnswers() throws Exception {
        String share = JSON.readTree(post("/api/shares",
                Fixtures.read(Path.of("src/main/resources/scenarios/raw-notrack.json")), null).body()).get("id").asString();
        JsonNode started = JSON.readTree(post("/api/live", "{\"state\":{\"scenario\":\"" + share + "\"}}", null).body());
        String code = started.get("code").asString();
        try (LiveEvents student = new LiveEvents(client, "http://127.0.0.1:" + port + "/api/live/" + code + "/events")) {
            student.next("state");
            // a step keeps it alive: the idle time counts from the presenter's last move
            Thread.sleep(1000);
            assertThat(post("/api/live/" + code + "/state", "{\"scenario\":\"" + share + "\",\"hop\":2}",
                    started.get("key").asString()).statusCode()).isEqualTo(200);
            assertThat(post("/api/live/" + code + "/answers", "{\"question\":1,\"voter\":\"" + "v".repeat(22)
                    + "\",\"answer\":\"drop\"}", null).statusCode()).isEqualTo(200);
            Thread.sleep(1000);
            assertThat(get("/api/live/" + code).statusCode()).as("moved 1 s ago: still open").isEqualTo(200);
            assertThat(JSON.readTree(get("/api/live/" + code).body()).get("ended").asBoolean()).isFalse();
            student.next("ended");
        }
        for (int i = 0; i < 50 && get("/api/live/" + code).statusCode() != 404; i++) {
            Thread.sleep(100);
        }
        assertThat(get("/api/live/" + code).statusCode()).as("deleted once ended a while").isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM live_answer WHERE code = :code").param("code", code)
                .query(Integer.class).single()).as("its answers deleted with it").isZero();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }
}
