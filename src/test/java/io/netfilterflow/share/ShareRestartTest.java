package io.netfilterflow.share;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.NetfilterFlowApplication;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.FlowPage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A stored link outlives its server: the app runs as its own process, a scenario is shared from the
 * browser, the process is killed (SIGKILL, no shutdown) and started again on the same data directory,
 * and the link reopens the identical scenario and trace.
 */
class ShareRestartTest {

    @TempDir
    Path dataDir;

    private final List<Process> servers = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    void aStoredLinkStillWorksAfterTheServerIsKilledAndRestarted() throws Exception {
        int port = freePort();
        Process first = start(port);
        try (Browser browser = Browser.start()) {
            Page page = browser.page(1280, 720, errors);
            page.navigate("http://127.0.0.1:" + port + "/?preset=kubernetes-clusterip");
            page.waitForSelector("body[data-ready=true]");
            FlowPage.run(page);
            String link = FlowPage.link(page, false, false);
            assertThat(link).contains("/s/");
            JsonNode trace = FlowPage.export(page, "export-trace");
            page.context().close();

            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            start(port);

            Page reopened = browser.page(1280, 720, errors);
            reopened.navigate(link);
            reopened.waitForSelector("body[data-ready=true]");
            FlowPage.finished(reopened);
            assertThat(FlowPage.export(reopened, "export-scenario")).isEqualTo(FlowPage.json(
                    Fixtures.read(Path.of("src/main/resources/scenarios/kubernetes-clusterip.json"))));
            assertThat(FlowPage.export(reopened, "export-trace")).isEqualTo(trace);
            reopened.context().close();
        }
        assertThat(errors).as("errors in the page").isEmpty();
    }

    /** The app as a separate JVM on the test's classpath, once it answers on its health endpoint. */
    private Process start(int port) throws Exception {
        Path log = Files.createTempFile(dataDir, "server", ".log");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NetfilterFlowApplication.class.getName(),
                "--server.port=" + port, "--netfilter-flow.data-dir=" + dataDir.resolve("data"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        servers.add(server);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is running: %s", Files.readString(log)).isTrue();
            try {
                var health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).build(), BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
