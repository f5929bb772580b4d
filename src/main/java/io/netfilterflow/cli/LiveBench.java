package io.netfilterflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two servers on one PostgreSQL, a presenter and a class of students, measured from outside: the presenter starts a
 * session on server A and steps; the students follow, half on A and half on B; each step's delay is the time from
 * the presenter sending it to a student receiving it. Then A is killed with SIGKILL: its students connect to B and
 * follow the steps the presenter (now on B) goes on with; shares written through both servers are read back through
 * the survivor, and through A once it is started again. Every server runs in a schema of the run's own, dropped at
 * the end.
 */
final class LiveBench {

    private static final Pattern FIELD = Pattern.compile("\"(code|key|id|seq)\":\"?([A-Za-z0-9_-]+)\"?");

    /** The PostgreSQL the tests use (.ci/run creates it), unless the environment names another. */
    static final String DB_URL = env("NETFILTER_FLOW_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/netfilterflow_test");
    static final String DB_USER = env("NETFILTER_FLOW_TEST_DB_USER", "netfilterflow");
    static final String DB_PASSWORD = env("NETFILTER_FLOW_TEST_DB_PASSWORD", "netfilterflow");

    private static String env(String name, String fallback) {
        return System.getenv().getOrDefault(name, fallback);
    }

    /** What to run. */
    record Options(String dbUrl, String dbUser, String dbPassword, int students, int steps, int stepsAfterKill,
                   int shares, long stepPauseMillis, Path logs) {
    }

    /** What was measured. */
    record Report(int students, int steps, long[] delaysNanos, int studentsWithEveryStep, int studentsInOrder,
                  int reconnected, int movedStudents, int studentsWithEveryLaterStep, int sharesWritten,
                  int sharesReadFromSurvivor, int sharesReadAfterRestart, boolean sessionAfterRestart) {

        long percentile(double p) {
            long[] sorted = delaysNanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }
    }

    private final Options options;
    private final HttpClient http = LiveStudent.client();

    LiveBench(Options options) {
        this.options = options;
    }

    Report run(PrintStream progress) throws IOException, InterruptedException, SQLException {
        String schema = "live_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = options.dbUrl() + (options.dbUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        List<String> settings = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + options.dbUser(), "--spring.datasource.password=" + options.dbPassword(),
                "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
                "--netfilter-flow.data-dir=" + options.logs().resolve("data"));
        try (LiveServers servers = new LiveServers(2, settings, options.logs())) {
            progress.println("starting servers A and B on PostgreSQL schema " + schema + " …");
            servers.start(0);
            servers.start(1);
            return measure(servers, progress);
        } finally {
            dropSchema(schema);
        }
    }

    private Report measure(LiveServers servers, PrintStream progress)
            throws IOException, InterruptedException {
        List<URI> urls = List.of(servers.url(0), servers.url(1));
        String scenario = preset();
        String share = field(post(urls.get(0), "/api/shares", scenario, null), "id");
        String started = post(urls.get(0), "/api/live", "{\"state\":" + state(share, 0) + "}", null);
        String code = field(started, "code");
        String key = field(started, "key");

        List<LiveStudent> students = new ArrayList<>();
        for (int i = 0; i < options.students(); i++) {
            LiveStudent student = new LiveStudent(http, urls, i % 2, code);
            students.add(student);
            student.start();
        }
        awaitFirstState(students);
        progress.println(options.students() + " students follow session " + code + ", half on A, half on B");

        Map<Long, Long> sent = new ConcurrentHashMap<>();
        for (int hop = 1; hop <= options.steps(); hop++) {
            long before = System.nanoTime();
            long seq = Long.parseLong(field(post(urls.get(0), "/api/live/" + code + "/state", state(share, hop), key), "seq"));
            sent.put(seq, before);
            Thread.sleep(options.stepPauseMillis());
        }
        Thread.sleep(1000);
        List<Long> delays = new ArrayList<>();
        int everyStep = 0;
        for (LiveStudent student : students) {
            boolean all = true;
            for (Map.Entry<Long, Long> step : sent.entrySet()) {
                Long got = student.received.get(step.getKey());
                if (got == null) {
                    all = false;
                } else {
                    delays.add(got - step.getValue());
                }
            }
            everyStep += all ? 1 : 0;
        }

        // SIGKILL server A: the presenter (a page whose requests a load balancer now sends to B) and A's students go on with B
        List<LiveStudent> onA = students.stream().filter(student -> student.server() == 0).toList();
        String[] shareIds = writeShares(urls);
        servers.kill(0);
        progress.println("server A killed (SIGKILL); " + onA.size() + " of its students reconnect to B");
        long lastSeq = sent.keySet().stream().mapToLong(Long::longValue).max().orElse(1);
        List<Long> later = new ArrayList<>();
        Thread.sleep(1500); // the students' reconnection, as a page's
        for (int hop = 1; hop <= options.stepsAfterKill(); hop++) {
            later.add(Long.parseLong(field(post(urls.get(1), "/api/live/" + code + "/state",
                    state(share, options.steps() + hop), key), "seq")));
            Thread.sleep(options.stepPauseMillis());
        }
        Thread.sleep(1000);
        int everyLater = (int) students.stream().filter(student -> later.stream().allMatch(student.received::containsKey)).count();
        int reconnected = (int) onA.stream().filter(student -> student.reconnects() > 0 && student.server() == 1).count();
        int inOrder = (int) students.stream().filter(LiveStudent::ordered).count();
        students.forEach(LiveStudent::stop);

        int fromSurvivor = readShares(urls.get(1), shareIds);
        servers.start(0);
        int afterRestart = readShares(urls.get(0), shareIds);
        boolean session = get(urls.get(0), "/api/live/" + code).contains("\"seq\":" + (lastSeq + later.size()));
        return new Report(options.students(), options.steps(), delays.stream().mapToLong(Long::longValue).toArray(),
                everyStep, inOrder, reconnected, onA.size(), everyLater, shareIds.length, fromSurvivor, afterRestart,
                session);
    }

    private void awaitFirstState(List<LiveStudent> students) throws InterruptedException, IOException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (students.stream().anyMatch(student -> student.received.isEmpty())) {
            if (System.nanoTime() > until) {
                throw new IOException("not every student's stream opened within 60 s");
            }
            Thread.sleep(50);
        }
    }

    /** Half the shares through each server, each a scenario of its own (a title of its own). */
    private String[] writeShares(List<URI> urls) throws IOException, InterruptedException {
        String scenario = preset();
        String[] ids = new String[options.shares()];
        for (int i = 0; i < ids.length; i++) {
            String titled = scenario.replaceFirst("\"title\"\\s*:\\s*\"", "\"title\": \"share " + i + " of a bench: ");
            ids[i] = field(post(urls.get(i % 2), "/api/shares", titled, null), "id");
        }
        return ids;
    }

    private int readShares(URI server, String[] ids) throws IOException, InterruptedException {
        int found = 0;
        for (String id : ids) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("/api/shares/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString());
            found += response.statusCode() == 200 ? 1 : 0;
        }
        return found;
    }

    private static String state(String share, int hop) {
        return "{\"scenario\":\"" + share + "\",\"hop\":" + hop + ",\"present\":true,\"quiz\":false}";
    }

    private String post(URI server, String path, String body, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String get(URI server, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String json, String name) throws IOException {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IOException("no \"" + name + "\" in " + json);
    }

    private static String preset() throws IOException {
        try (InputStream in = LiveBench.class.getResourceAsStream("/scenarios/docker-wan-published.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(options.dbUrl(), options.dbUser(), options.dbPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
