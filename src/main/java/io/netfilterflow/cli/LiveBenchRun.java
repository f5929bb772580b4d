package io.netfilterflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@link LiveBench} for a test: a run of a given size on the tests' PostgreSQL, its counts and its printout. */
public final class LiveBenchRun {

    private LiveBenchRun() {
    }

    /** The counts of a run, and what {@code live-bench} would have printed. */
    public record Result(int studentsWithEveryStep, int studentsInOrder, int movedStudents, int reconnected,
                         int studentsWithEveryLaterStep, int sharesReadFromSurvivor, int sharesReadAfterRestart,
                         boolean sessionAfterRestart, String text) {
    }

    public static Result run(int students, int steps, int stepsAfterKill, int shares, Path logs) throws Exception {
        LiveBench.Options options = new LiveBench.Options(LiveBench.DB_URL, LiveBench.DB_USER, LiveBench.DB_PASSWORD,
                students, steps, stepsAfterKill, shares, 100, logs);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        LiveBench.Report report = new LiveBench(options).run(out);
        LiveBenchCommand.print(report, out);
        return new Result(report.studentsWithEveryStep(), report.studentsInOrder(), report.movedStudents(),
                report.reconnected(), report.studentsWithEveryLaterStep(), report.sharesReadFromSurvivor(),
                report.sharesReadAfterRestart(), report.sessionAfterRestart(), printed.toString(StandardCharsets.UTF_8));
    }
}
