package io.netfilterflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app starts with nothing external and serves its page, its health and d3. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesTheStartPage() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Netfilter Flow</title>").contains("/styles/app.css")
                .contains("/js/main.js");
        assertThat(get("/styles/app.css").statusCode()).isEqualTo(200);
        assertThat(get("/js/main.js").statusCode()).isEqualTo(200);
    }

    @Test
    void reportsHealth() throws Exception {
        HttpResponse<String> health = get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    /** Every D3 script the page names comes from its webjar, D3's own code. */
    @Test
    void servesD3FromItsWebjars() throws Exception {
        List<String> scripts = java.util.regex.Pattern.compile("src=\"(/webjars/[^\"]+)\"").matcher(get("/").body())
                .results().map(match -> match.group(1)).toList();
        for (String module : List.of("d3-selection", "d3-transition", "d3-zoom")) {
            assertThat(scripts).anyMatch(script -> script.startsWith("/webjars/" + module + "/")
                    && script.endsWith("/dist/" + module + ".min.js"));
        }
        for (String script : scripts) {
            HttpResponse<String> served = get(script);
            assertThat(served.statusCode()).as(script).isEqualTo(200);
            assertThat(served.body()).as(script).contains("https://d3js.org/");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
