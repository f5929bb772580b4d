package io.netfilterflow.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.cli.LiveBenchRun;
import io.netfilterflow.support.Postgres;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real server processes on one PostgreSQL ({@code live-bench} at a classroom's size): every student gets every
 * step in order whichever server it is on; after a SIGKILL of the presenter's server its students follow on the
 * other, the presenter goes on there, and no share written through either server is lost, nor the session.
 */
class LiveClusterTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @Test
    void aClassFollowsAcrossTwoServersAndSurvivesTheLossOfOne() throws Exception {
        LiveBenchRun.Result run = LiveBenchRun.run(30, 12, 6, 20, Path.of("target/live-cluster-test"));
        assertThat(run.studentsWithEveryStep()).as(run.text()).isEqualTo(30);
        assertThat(run.studentsInOrder()).as(run.text()).isEqualTo(30);
        assertThat(run.movedStudents()).as(run.text()).isEqualTo(15);
        assertThat(run.reconnected()).as("students of the killed server on the other: " + run.text()).isEqualTo(15);
        assertThat(run.studentsWithEveryLaterStep()).as(run.text()).isEqualTo(30);
        assertThat(run.sharesReadFromSurvivor()).as(run.text()).isEqualTo(20);
        assertThat(run.sharesReadAfterRestart()).as(run.text()).isEqualTo(20);
        assertThat(run.sessionAfterRestart()).as(run.text()).isTrue();
    }
}
