package io.netfilterflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code load --dropped 500} against a real server: 500 clients read the first hop of a 10 MB stream and leave;
 * right after, health and a normal stream answer within two seconds (the command exits 1 otherwise).
 */
@SpringBootTest(classes = io.netfilterflow.NetfilterFlowApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadCommandTest {

    @LocalServerPort
    int port;

    @Test
    void fiveHundredDroppedLargeStreamsLeaveTheServerAnsweringWithinTwoSeconds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new LoadCommand().run(List.of("--dropped", "500", "--url", "http://127.0.0.1:" + port),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        assertThat(printed).contains("500 clients read the first hop").contains("right after: health 200");
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
