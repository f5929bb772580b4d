package io.netfilterflow.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code live-bench [--students N] [--steps N] [--db-url URL --db-user U --db-password P]}: two servers of this jar on
 * one PostgreSQL, a presenter on A, N students split across A and B ({@link LiveBench}); prints the delay from a
 * presenter's step to a student's receipt (p50, p95, max), whether every student got every step in order, then
 * what a SIGKILL of A costs: students reconnected, steps they still got, shares still readable. Exits 1 when a
 * student missed a step or a share was lost. A measurement to read, not a test.
 */
final class LiveBenchCommand implements Cli.Command {

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        LiveBench.Options options = new LiveBench.Options(
                option(args, "--db-url", LiveBench.DB_URL), option(args, "--db-user", LiveBench.DB_USER),
                option(args, "--db-password", LiveBench.DB_PASSWORD),
                Integer.parseInt(option(args, "--students", "200")), Integer.parseInt(option(args, "--steps", "50")),
                Integer.parseInt(option(args, "--steps-after-kill", "10")), Integer.parseInt(option(args, "--shares", "100")),
                Long.parseLong(option(args, "--pause-ms", "100")), Path.of(option(args, "--logs", "target/live-bench")));
        try {
            LiveBench.Report report = new LiveBench(options).run(out);
            print(report, out);
            boolean whole = report.studentsWithEveryStep() == report.students()
                    && report.studentsInOrder() == report.students()
                    && report.studentsWithEveryLaterStep() == report.students()
                    && report.sharesReadFromSurvivor() == report.sharesWritten()
                    && report.sharesReadAfterRestart() == report.sharesWritten();
            return whole ? Cli.OK : 1;
        } catch (Exception e) {
            err.println("live-bench: " + e.getMessage());
            return 1;
        }
    }

    static void print(LiveBench.Report report, PrintStream out) {
        out.printf("steps: %d by the presenter on A; students: %d (half on A, half on B)%n", report.steps(),
                report.students());
        out.printf("delay from a step to a student's receipt over %d receipts: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                report.delaysNanos().length, report.percentile(0.50) / 1e6, report.percentile(0.95) / 1e6,
                report.percentile(1.0) / 1e6);
        out.printf("students who got every step: %d of %d; in order: %d of %d%n", report.studentsWithEveryStep(),
                report.students(), report.studentsInOrder(), report.students());
        out.printf("after SIGKILL of A: %d of its %d students reconnected to B; %d of %d students got every later step%n",
                report.reconnected(), report.movedStudents(), report.studentsWithEveryLaterStep(), report.students());
        out.printf("shares: %d written (half through each server); read back through B: %d; through A restarted: %d; "
                + "session still open on A restarted: %s%n", report.sharesWritten(), report.sharesReadFromSurvivor(),
                report.sharesReadAfterRestart(), report.sessionAfterRestart() ? "yes" : "no");
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }
}
