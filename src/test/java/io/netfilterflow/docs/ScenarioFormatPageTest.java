package io.netfilterflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/** The app serves {@code docs/scenario-format.md} as a page of its own, rendered, under its CSP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScenarioFormatPageTest {

    private static final Path DOCUMENT = Path.of("docs/scenario-format.md");

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theScenarioFormatIsAnHtmlPageWithEveryHeadingOfTheDocument() throws Exception {
        HttpResponse<String> page = get("/docs/scenario-format");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        String text = HtmlUtils.htmlUnescape(page.body().replaceAll("<[^>]+>", ""));
        List<String> headings = headings();
        assertThat(headings).hasSizeGreaterThan(5);
        headings.forEach(heading -> assertThat(text).contains(heading));
        assertThat(page.body()).contains("<title>The scenario format · Netfilter Flow</title>")
                .contains("<table").contains("<h2 id=\"the-host\">").contains("href=\"/\"")
                .doesNotContain("```").doesNotContain("style=").doesNotContain("<script");
    }

    @Test
    void thePageSpeaksTheReadersLanguageAroundTheEnglishDocument() throws Exception {
        String page = get("/docs/scenario-format?lang=ko").body();

        assertThat(page).contains("Netfilter Flow로 돌아가기").contains("lang=\"en\"");
    }

    /** The Markdown headings as a reader sees them: without the marks and the backticks. */
    private static List<String> headings() throws IOException {
        return Files.readAllLines(DOCUMENT).stream().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").replace("`", "")).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
