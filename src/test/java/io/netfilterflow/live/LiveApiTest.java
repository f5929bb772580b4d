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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live sessions over real HTTP: the presenter alone moves a session, each page's stream gets every state in order,
 * the presenter hears the class's count and answers, the end reaches everyone, and every bad request is refused with
 * a problem that says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netfilter-flow.live.max-streams=12", "netfilter-flow.live.max-answers=40",
                "netfilter-flow.live.heartbeat=300ms"})
class LiveApiTest {

    private static final String SCENARIO = Fixtures.read(Path.of("src/main/resources/scenarios/raw-notrack.json"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LiveHub hub;

    private final HttpClient client = HttpClient.newHttpClient();
    private String share;

    /** A stream a test closed is gone once the server's heartbeat finds its socket closed. */
    @BeforeEach
    void share() throws Exception {
        for (int i = 0; i < 100 && hub.openStreams() > 0; i++) {
            Thread.sleep(50);
        }
        share = JSON.readTree(send("POST", "/api/shares", SCENARIO, null).body()).get("id").asString();
    }

    private String state(int hop, boolean quiz) {
        return "{\"scenario\":\"" + share + "\",\"hop\":" + hop + ",\"present\":true,\"quiz\":" + quiz + "}";
    }

    private JsonNode start() throws Exception {
        HttpResponse<String> started = send("POST", "/api/live", "{\"state\":" + state(0, false) + "}", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return JSON.readTree(started.body());
    }

    @Test
    void thePresenterMovesTheSessionAndEveryStreamGetsEveryStateInOrder() throws Exception {
        JsonNode session = start();
        String code = session.get("code").asString();
        String key = session.get("key").asString();
        assertThat(code).matches("[A-HJKMNP-Z2-9]{6}");
        assertThat(session.get("path").asString()).isEqualTo("/live/" + code);

        List<LiveEvents> students = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            students.add(events(code, false));
        }
        try (LiveEvents presenter = events(code, true)) {
            for (LiveEvents student : students) {
                assertThat(student.status).isEqualTo(200);
                assertThat(student.next("state").id()).as("the state of now, first").isEqualTo("1");
            }
            assertThat(presenter.next("state").id()).isEqualTo("1");
            awaitFollowers(presenter, 3);

            for (int hop = 1; hop <= 20; hop++) {
                HttpResponse<String> stepped = send("POST", "/api/live/" + code + "/state", state(hop, false), key);
                assertThat(stepped.statusCode()).as(stepped.body()).isEqualTo(200);
                assertThat(JSON.readTree(stepped.body()).get("seq").asLong()).isEqualTo(hop + 1);
            }
            for (LiveEvents student : students) {
                for (int hop = 1; hop <= 20; hop++) {
                    LiveEvents.Event event = student.next("state");
                    assertThat(event.id()).isEqualTo(String.valueOf(hop + 1));
                    assertThat(JSON.readTree(event.data()).get("state").get("hop").asInt()).isEqualTo(hop);
                }
            }
            // a page that joins late starts at the presenter's hop
            try (LiveEvents late = events(code, false)) {
                assertThat(JSON.readTree(late.next("state").data()).get("state").get("hop").asInt()).isEqualTo(20);
            }
            JsonNode current = JSON.readTree(send("GET", "/api/live/" + code, null, null).body());
            assertThat(current.get("seq").asLong()).isEqualTo(21);
            assertThat(current.get("ended").asBoolean()).isFalse();

            students.remove(0).close();
            awaitFollowers(presenter, 2);

            assertThat(send("DELETE", "/api/live/" + code, null, key).statusCode()).isEqualTo(204);
            for (LiveEvents student : students) {
                student.next("ended");
                student.next("closed");
            }
            presenter.next("ended");
        } finally {
            students.forEach(LiveEvents::close);
        }
        assertThat(send("POST", "/api/live/" + code + "/state", state(3, false), key).statusCode()).isEqualTo(410);
        assertThat(send("GET", "/live/" + code, null, null).statusCode()).as("an ended session's page").isEqualTo(404);
        try (LiveEvents after = events(code, false)) {
            after.next("ended");
        }
    }

    @Test
    void thePresenterSeesTheClassAnswersOneVoteAVoter() throws Exception {
        JsonNode session = start();
        String code = session.get("code").asString();
        try (LiveEvents presenter = events(code, true)) {
            answer(code, 7, "a".repeat(22), "filter-INPUT", 200);
            answer(code, 7, "b".repeat(22), "routing", 200);
            answer(code, 7, "a".repeat(22), "routing", 200); // changed its mind: still one vote
            JsonNode last = null;
            for (int i = 0; i < 3; i++) {
                last = JSON.readTree(presenter.next("answers").data());
            }
            assertThat(last.get("question").asInt()).isEqualTo(7);
            assertThat(last.get("answers").get("routing").asInt()).isEqualTo(2);
            assertThat(last.get("answers").has("filter-INPUT")).isFalse();
            JsonNode read = JSON.readTree(send("GET", "/api/live/" + code + "/answers/7", null, null).body());
            assertThat(read.get("answers").get("routing").asInt()).isEqualTo(2);
        }
        answer(code, -1, "a".repeat(22), "x", 400);
        answer(code, 1, "short", "x", 400);
        answer(code, 1, "a".repeat(22), "", 400);
        answer(code, 1, "a".repeat(22), "x".repeat(101), 400);
        answer(code, 1, "a".repeat(22), "bell\u0007", 400);
        for (int i = 0; i < 38; i++) {
            answer(code, 100 + i, "c".repeat(22), "accept", 200);
        }
        HttpResponse<String> over = send("POST", "/api/live/" + code + "/answers",
                "{\"question\":1,\"voter\":\"" + "d".repeat(22) + "\",\"answer\":\"drop\"}", null);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.body()).contains("netfilter-flow.live.max-answers");
    }

    @Test
    void onlyThePresenterMovesOrEndsASessionAndBadRequestsSayWhy() throws Exception {
        JsonNode session = start();
        String code = session.get("code").asString();
        String key = session.get("key").asString();
        HttpResponse<String> stranger = send("POST", "/api/live/" + code + "/state", state(2, false), "x".repeat(22));
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.body()).contains("Only the presenter");
        assertThat(send("POST", "/api/live/" + code + "/state", state(2, false), null).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", "/api/live/" + code, null, null).statusCode()).isEqualTo(403);

        HttpResponse<String> badHop = send("POST", "/api/live/" + code + "/state",
                "{\"scenario\":\"" + share + "\",\"hop\":-1}", key);
        assertThat(badHop.statusCode()).isEqualTo(400);
        assertThat(badHop.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(send("POST", "/api/live/" + code + "/state", "{\"scenario\":\"nope\"}", key).statusCode())
                .isEqualTo(400);
        HttpResponse<String> unshared = send("POST", "/api/live/" + code + "/state",
                "{\"scenario\":\"" + "z".repeat(22) + "\",\"hop\":1}", key);
        assertThat(unshared.statusCode()).isEqualTo(422);
        assertThat(unshared.body()).contains("POST /api/shares");
        assertThat(send("POST", "/api/live/" + code + "/state", "{\"scenario\":", key).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/api/live/" + code + "/state", "[1,2]", key).statusCode()).isEqualTo(400);
        HttpResponse<String> huge = send("POST", "/api/live/" + code + "/state",
                "{\"scenario\":\"" + share + "\",\"pad\":\"" + "x".repeat(5000) + "\"}", key);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(send("POST", "/api/live", "{}", null).statusCode()).isEqualTo(400);

        assertThat(send("GET", "/api/live/ZZZZZZ", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/live/not-a-code!", null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/live/ZZZZZZ/events", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> page = send("GET", "/live/" + code.toLowerCase(), null, null);
        assertThat(page.statusCode()).as("a code typed in lower case").isEqualTo(200);
        assertThat(page.body()).contains("<meta name=\"live-code\" content=\"" + code + "\">");
        assertThat(send("GET", "/live/" + code + "?lang=ko", null, null).body()).as("the page in the language asked for")
                .contains("lang=\"ko\"");
        HttpResponse<String> missing = send("GET", "/live/ZZZZZZ", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No live session here");
    }

    @Test
    void aServerOpensNoMoreStreamsThanItMay() throws Exception {
        String code = start().get("code").asString();
        List<LiveEvents> open = new ArrayList<>();
        try {
            while (hub.openStreams() < 12) {
                LiveEvents stream = events(code, false);
                open.add(stream);
                assertThat(stream.status).as("stream %d", open.size()).isEqualTo(200);
                assertThat(stream.next("state")).as("stream %d", open.size()).isNotNull();
            }
            HttpResponse<String> refused = send("GET", "/api/live/" + code + "/events", null, null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("netfilter-flow.live.max-streams");
        } finally {
            open.forEach(LiveEvents::close);
        }
    }

    @Test
    void aStudentWhoStopsReadingDelaysNeitherThePresenterNorTheClass() throws Exception {
        JsonNode session = start();
        String code = session.get("code").asString();
        String key = session.get("key").asString();
        int before = hub.openStreams();
        try (java.net.Socket stalled = new java.net.Socket();
             LiveEvents student = events(code, false)) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", port));
            stalled.getOutputStream().write(("GET /api/live/" + code + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)); // and never reads a byte
            student.next("state");
            for (int i = 0; i < 250 && hub.openStreams() < before + 2; i++) {
                Thread.sleep(20);
            }
            assertThat(hub.openStreams()).isEqualTo(before + 2);
            for (int hop = 1; hop <= 1500; hop++) {
                HttpResponse<String> stepped = send("POST", "/api/live/" + code + "/state", state(hop, false), key);
                assertThat(stepped.statusCode()).isEqualTo(200);
            }
            for (int hop = 1; hop <= 1500; hop++) {
                assertThat(student.next("state").id()).isEqualTo(String.valueOf(hop + 1));
            }
        }
    }

    /**
     * Pages leave while others join: the container ends a left page's request and reuses its objects for a new
     * one, so a left stream's last write or end, racing that, must not reach the page that came next.
     */
    @Test
    void pagesThatLeaveNeverEndThePagesThatJoinMeanwhile() throws Exception {
        JsonNode session = start();
        String code = session.get("code").asString();
        String key = session.get("key").asString();
        for (int round = 1; round <= 6; round++) {
            List<LiveEvents> leaving = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                leaving.add(events(code, false));
            }
            for (LiveEvents page : leaving) {
                page.next("state");
            }
            leaving.forEach(LiveEvents::close);
            List<LiveEvents> joining = List.of(events(code, false), events(code, false));
            try {
                Thread.sleep(700); // the heartbeats find the left ones gone meanwhile
                assertThat(send("POST", "/api/live/" + code + "/state", state(round, false), key).statusCode())
                        .isEqualTo(200);
                for (LiveEvents page : joining) {
                    page.next("state");
                    assertThat(JSON.readTree(page.next("state").data()).get("state").get("hop").asInt())
                            .as("round %d: a page that joined as others left", round).isEqualTo(round);
                }
            } finally {
                joining.forEach(LiveEvents::close);
            }
            for (int i = 0; i < 100 && hub.openStreams() > 0; i++) {
                Thread.sleep(50);
            }
        }
    }

    private void awaitFollowers(LiveEvents presenter, int count) throws InterruptedException {
        while (JSON.readTree(presenter.next("followers").data()).get("followers").asInt() != count) {
            Thread.onSpinWait();
        }
    }

    private void answer(String code, int question, String voter, String answer, int status) throws Exception {
        HttpResponse<String> response = send("POST", "/api/live/" + code + "/answers",
                "{\"question\":" + question + ",\"voter\":\"" + voter + "\",\"answer\":\"" + answer + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private LiveEvents events(String code, boolean presenter) throws Exception {
        return new LiveEvents(client, "http://127.0.0.1:" + port + "/api/live/" + code + "/events"
                + (presenter ? "?presenter=true" : ""));
    }

    private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }
}
