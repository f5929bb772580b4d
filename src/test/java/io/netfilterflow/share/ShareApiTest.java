package io.netfilterflow.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored share links over real HTTP: a share comes back byte for byte and keeps its id; nothing can
 * change, delete or list shares; a bad or unknown id gets a page or problem that says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netfilter-flow.web.max-rules=30", "netfilter-flow.web.max-packets=3",
                "netfilter-flow.web.max-scenario-bytes=65536"})
class ShareApiTest {

    private static final String K8S = Fixtures.read(Path.of("src/main/resources/scenarios/kubernetes-clusterip.json"));
    private static final String NOTRACK = Fixtures.read(Path.of("src/main/resources/scenarios/raw-notrack.json"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aShareComesBackByteForByteUnderAnUnguessableId() throws Exception {
        HttpResponse<String> created = send("POST", "/api/shares", NOTRACK);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.get("id").asString();
        // 22 base64url characters: 128 random bits
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(body.get("path").asString()).isEqualTo("/s/" + id);
        assertThat(created.headers().firstValue("Location")).hasValue("/s/" + id);

        HttpResponse<String> back = send("GET", "/api/shares/" + id, null);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(NOTRACK);
        assertThat(back.headers().firstValue("Cache-Control").orElse("")).contains("immutable");

        assertThat(JSON.readTree(send("POST", "/api/shares", NOTRACK).body()).get("id").asString())
                .as("the same scenario shared again").isEqualTo(id);
        assertThat(send("GET", "/s/" + id, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/s/" + id, null).body()).contains("<meta name=\"share-id\" content=\"" + id + "\">");
    }

    /** A share is one person's scenario: the browser may keep it, no proxy or CDN may. */
    @Test
    void noSharedCacheMayKeepAShare() throws Exception {
        String id = JSON.readTree(send("POST", "/api/shares", NOTRACK).body()).get("id").asString();

        String api = send("GET", "/api/shares/" + id, null).headers().firstValue("Cache-Control").orElse("");
        assertThat(api).contains("private").contains("immutable").doesNotContain("public");
        String page = send("GET", "/s/" + id, null).headers().firstValue("Cache-Control").orElse("");
        assertThat(page).contains("private").contains("no-store").doesNotContain("public");
    }

    @Test
    void differentScenariosGetUnrelatedIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String scenario = NOTRACK.replace("raw NOTRACK", "raw NOTRACK " + i);
            ids.add(JSON.readTree(send("POST", "/api/shares", scenario).body()).get("id").asString());
        }
        assertThat(ids).hasSize(20);
        // no shared prefix, no counter: ids say nothing about one another
        assertThat(ids.stream().map(id -> id.substring(0, 4)).distinct().count()).isGreaterThan(15);
    }

    @Test
    void aStoredShareCannotBeOverwrittenDeletedOrListed() throws Exception {
        String id = JSON.readTree(send("POST", "/api/shares", NOTRACK).body()).get("id").asString();
        String other = NOTRACK.replace("raw NOTRACK", "overwritten");
        for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
            HttpResponse<String> attempt = send(method, "/api/shares/" + id, method.equals("DELETE") ? null : other);
            assertThat(attempt.statusCode()).as(method).isEqualTo(405);
        }
        assertThat(send("GET", "/api/shares/" + id, null).body()).isEqualTo(NOTRACK);
        assertThat(send("GET", "/api/shares", null).statusCode()).as("no list of shares").isEqualTo(405);
        assertThat(send("GET", "/s/", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedOrUnknownIdGetsAFriendlyPageAndAProblem() throws Exception {
        for (String id : List.of("AAAAAAAAAAAAAAAAAAAAAA", "abc", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "AAAAAAAAAAAAAAAAAAAAAAA", "..%2F..%2Fetc%2Fpasswd")) {
            HttpResponse<String> page = send("GET", "/s/" + id, null);
            assertThat(page.statusCode()).as(id).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("Shared scenario not found").contains("href=\"/\"")
                    .doesNotContain("Exception").doesNotContain("<script").doesNotContain("at io.");

            HttpResponse<String> api = send("GET", "/api/shares/" + id, null);
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(api.body()).get("detail").asString()).contains("No shared scenario has this id");
        }
    }

    @Test
    void onlyScenariosWithinTheLimitsAreKept() throws Exception {
        HttpResponse<String> invalid = send("POST", "/api/shares", NOTRACK.replace("\"nft\"", "\"nftables\""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).get("field").asString()).isEqualTo("host.backend");

        HttpResponse<String> rules = send("POST", "/api/shares", K8S);
        assertThat(rules.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(rules.body()).get("detail").asString())
                .contains("has 64 rules and chains (iptables and ebtables), more than the 30").contains("netfilter-flow.web.max-rules");

        String fourPackets = NOTRACK.replace("\"packets\": [", "\"packets\": [\n    {\"from\": \"wan\", \"proto\": \"udp\", "
                + "\"dst\": \"10.99.0.5:53\"},\n    {\"from\": \"wan\", \"proto\": \"udp\", \"dst\": \"10.99.0.5:53\"},");
        HttpResponse<String> packets = send("POST", "/api/shares", fourPackets);
        assertThat(packets.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(packets.body());
        assertThat(problem.get("field").asString()).isEqualTo("packets");
        assertThat(problem.get("detail").asString()).contains("sends 4 packets, more than the 3");
        assertThat(send("POST", "/api/simulations", fourPackets).statusCode()).as("the same limit for running").isEqualTo(400);

        String large = NOTRACK.replace("\"title\": \"", "\"title\": \"" + "x".repeat(70_000));
        assertThat(send("POST", "/api/shares", large).statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "application/json, text/html;q=0.9")
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }
}
