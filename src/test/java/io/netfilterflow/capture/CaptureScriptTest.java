package io.netfilterflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The capture script as the app serves it and as the shells read it, and its JSON: whatever bytes a tool prints, the
 * snapshot is one valid document (tools stood in for by scripts of this test that print the worst of it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaptureScriptTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theAppServesTheScriptAsTheRepositoryHoldsIt() throws Exception {
        HttpResponse<String> script = get("/capture.sh");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).isEqualToIgnoringCase(
                "text/plain;charset=UTF-8");
        assertThat(script.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"netfilter-flow-capture.sh\"");
        assertThat(script.body()).isEqualTo(Files.readString(CapturedHost.SCRIPT)).startsWith("#!/bin/sh\n");
    }

    @Test
    void theEditorLinksToTheScriptInTheReadersLanguage() throws Exception {
        assertThat(get("/").body()).contains("href=\"/capture.sh\"")
                .contains("Capture your own host (read-only script)");
        assertThat(get("/?lang=ko").body()).contains("내 호스트 캡처하기 (읽기 전용 스크립트)");
    }

    @Test
    void dashAndBusyboxReadTheScript() throws Exception {
        for (List<String> shell : List.of(List.of("dash"), List.of("busybox", "sh"))) {
            Assumptions.assumeTrue(installed(shell.get(0)), () -> "skipped: " + shell.get(0) + " is not installed");
            Run check = run(List.of(), concat(shell, "-n", CapturedHost.SCRIPT.toString()));
            assertThat(check.exitCode()).as(shell + ": " + check.output()).isZero();
        }
    }

    /**
     * {@code ip} prints invalid JSON with a control character for links, valid JSON with escapes and Hangul for
     * addresses, and text with quotes, backslashes, a tab, a bell and a byte that is not UTF-8 for routes; {@code
     * bridge} is refused: each lands in the document as the brief says.
     */
    @Test
    void everyByteAToolPrintsBecomesValidJson() throws Exception {
        Assumptions.assumeTrue(installed("dash"), "skipped: dash is not installed");
        Path tools = Files.createDirectories(dir.resolve("bin"));
        tool(tools, "ip", """
                case "$*" in
                  *link*) printf '[{"ifname":"a\\001b",}]\\n' ;;
                  *addr*) printf '[{"ifname":"eth0","label":"q\\\\"x\\\\\\\\ \\\\u00e9 \\352\\260\\200"}]\\n' ;;
                  *route*) printf 'say "hi" back\\\\slash\\ttab \\007bell \\377end\\n' ;;
                  *) printf '[]' ;;
                esac""");
        tool(tools, "bridge", "echo 'RTNETLINK answers: Operation not permitted' >&2; exit 2");

        Run capture = run(List.of("PATH=" + tools + ":/usr/bin:/bin"), List.of("dash", CapturedHost.SCRIPT.toString()));

        assertThat(capture.exitCode()).as(capture.output()).isZero();
        JsonNode commands = JsonMapper.shared().readTree(capture.output()).path("commands");
        assertThat(commands.path("ip-link").path("output").asString()).isEqualTo("[{\"ifname\":\"a\u0001b\",}]\n");
        assertThat(commands.path("ip-addr").path("output").get(0).path("label").asString())
                .isEqualTo("q\"x\\ é 가");
        assertThat(commands.path("ip-route").path("output").asString())
                .isEqualTo("say \"hi\" back\\slash\ttab \u0007bell \uFFFDend\n");
        assertThat(commands.path("bridge-link").path("status").asString()).isEqualTo("permission denied");
        assertThat(commands.path("bridge-link").path("message").asString())
                .isEqualTo("RTNETLINK answers: Operation not permitted");
        assertThat(commands.path("bridge-fdb").path("exitCode").asInt()).isEqualTo(2);
    }

    /**
     * {@code --redact} on IPv6 and MAC addresses a namespace without IPv6 cannot show: a global and a link-local
     * address (made from its MAC), an ebtables MAC without leading zeros, and the ones that stay.
     */
    @Test
    void redactionReplacesIpv6AndMacAddressesConsistently() throws Exception {
        Assumptions.assumeTrue(installed("dash"), "skipped: dash is not installed");
        Path tools = Files.createDirectories(dir.resolve("bin"));
        tool(tools, "ip", """
                case "$*" in
                  *addr*) printf '[{"ifname":"eth0","address":"a8:bb:cc:0d:ee:ff","addr_info":[\
                {"family":"inet6","local":"2a01:4f8:c0c:1234::7","prefixlen":64},\
                {"family":"inet6","local":"fe80::aabb:ccff:fe0d:eeff","prefixlen":64},\
                {"family":"inet6","local":"ff02::1","prefixlen":128},{"family":"inet6","local":"::1","prefixlen":128}]}]' ;;
                  *route*) printf '[{"dst":"2a01:4f8:c0c:1234::/64","gateway":"fe80::1"},{"dst":"default","gateway":"2a01:4f8:c0c:1234::1"}]' ;;
                  *) printf '[]' ;;
                esac""");
        tool(tools, "ebtables-save", "printf -- '-A INPUT -s a8:bb:cc:d:ee:ff -d ff:ff:ff:ff:ff:ff -j ACCEPT\\n'");

        Run capture = run(List.of("PATH=" + tools + ":/usr/bin:/bin"),
                List.of("dash", CapturedHost.SCRIPT.toString(), "--redact"));

        assertThat(capture.exitCode()).isZero();
        assertThat(capture.output()).doesNotContain("2a01:4f8", "aabb:ccff", "a8:bb:cc", "a8:bb:cc:d:ee:ff");
        JsonNode commands = JsonMapper.shared().readTree(capture.output()).path("commands");
        JsonNode eth0 = commands.path("ip-addr").path("output").get(0);
        List<String> addresses = eth0.path("addr_info").valueStream().map(a -> a.path("local").asString()).toList();
        assertThat(addresses.get(0)).startsWith("2001:db8:").endsWith("::7");
        assertThat(addresses.get(1)).startsWith("fe80::").isNotEqualTo("fe80::aabb:ccff:fe0d:eeff");
        assertThat(addresses.subList(2, 4)).containsExactly("ff02::1", "::1");
        JsonNode routes = commands.path("ip-route").path("output");
        String network = addresses.get(0).substring(0, addresses.get(0).lastIndexOf("::"));
        assertThat(routes.get(0).path("dst").asString()).isEqualTo(network + "::/64");
        assertThat(routes.get(0).path("gateway").asString()).isEqualTo("fe80::1");
        assertThat(routes.get(1).path("gateway").asString()).isEqualTo(network + "::1");
        String mac = eth0.path("address").asString();
        assertThat(mac).startsWith("02:00:00:");
        assertThat(commands.path("ebtables-save").path("output").asString())
                .satisfiesAnyOf(text -> assertThat(text).isEqualTo("-A INPUT -s " + mac + " -d ff:ff:ff:ff:ff:ff -j ACCEPT\n"),
                        text -> assertThat(commands.path("ebtables-save").path("status").asString()).isEqualTo("skipped"));
    }

    /** The document names every command the script records, its example is JSON, and the app serves it. */
    @Test
    void theSnapshotFormatDocumentsEveryCommandTheScriptRecords() throws Exception {
        Assumptions.assumeTrue(installed("dash"), "skipped: dash is not installed");
        String document = Files.readString(Path.of("docs/snapshot-format.md"));
        Run capture = run(List.of(), List.of("dash", CapturedHost.SCRIPT.toString()));
        JsonNode snapshot = JsonMapper.shared().readTree(capture.output());

        snapshot.path("commands").properties().forEach(entry -> assertThat(document)
                .contains("| `" + entry.getKey() + "` | `" + entry.getValue().path("command").asString() + "`"));
        snapshot.properties().forEach(entry -> assertThat(document).contains("| `" + entry.getKey() + "` |"));
        String example = document.substring(document.indexOf("```json\n") + 8);
        JsonNode parsed = JsonMapper.shared().readTree(example.substring(0, example.indexOf("```")));
        assertThat(parsed.path("schema").asString()).isEqualTo(snapshot.path("schema").asString());
        HttpResponse<String> page = get("/docs/snapshot-format");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>The host snapshot format · Netfilter Flow</title>");
    }

    private static void tool(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private static boolean installed(String tool) throws Exception {
        return run(List.of(), List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
    }

    private static List<String> concat(List<String> head, String... tail) {
        return java.util.stream.Stream.concat(head.stream(), java.util.stream.Stream.of(tail)).toList();
    }

    private static Run run(List<String> environment, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        for (String variable : environment) {
            builder.environment().put(variable.substring(0, variable.indexOf('=')),
                    variable.substring(variable.indexOf('=') + 1));
        }
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Run(int exitCode, String output) {
    }
}
