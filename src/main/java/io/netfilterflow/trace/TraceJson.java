package io.netfilterflow.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace as the API and {@code trace --format json} send it: every typed field, and beside each reason
 * the sentence rendered in the reader's language ({@code why}, {@code label}, {@code sentence}, the fields a
 * client before reason codes read). Clients that want their own words read {@code reason}: its code and
 * arguments by name.
 */
public final class TraceJson {

    private TraceJson() {
    }

    /** A reason as data: its code and each argument by the name the code gives it (a phrase is a reason again). */
    public record ReasonView(ReasonCode code, Map<String, Object> args) {

        static ReasonView of(Reason reason) {
            Map<String, Object> args = new LinkedHashMap<>();
            for (int i = 0; i < reason.args().size(); i++) {
                ReasonArg arg = reason.args().get(i);
                args.put(reason.code().params().get(i), arg instanceof Reason phrase ? of(phrase)
                        : ((ReasonArg.Value) arg).text());
            }
            return new ReasonView(reason.code(), args);
        }
    }

    /** One {@code hop} event. */
    public record Hop(int seq, int flow, StepKind kind, Stage stage, String node, String verdict, PacketView packet,
                      RuleRef rule, String why, ReasonView reason, List<ReasonView> notes) {
    }

    /** How one packet ended. */
    public record Flow(int flow, String label, String from, Integer cause, Integer causeStep, Disposition disposition,
                       String where, Stage chain, RuleRef rule, String sentence, ReasonView reason) {
    }

    /**
     * The whole run; {@code language} is the one its sentences are in; {@code chains} every chain's rules with
     * their lines, in the order they run.
     */
    public record Document(String title, String backend, String language, List<Hop> steps, List<Flow> flows,
                           List<RuleCounter> counters, List<ChainRules> chains) {
    }

    public static Hop hop(Step step, TraceMessages words) {
        return new Hop(step.seq(), step.flow(), step.kind(), step.stage(), step.node(), step.verdict(), step.packet(),
                step.rule(), words.render(step.reason(), step.notes()), ReasonView.of(step.reason()),
                step.notes().stream().map(ReasonView::of).toList());
    }

    public static Flow flow(FlowResult flow, TraceMessages words) {
        return new Flow(flow.flow(), words.render(flow.label()), flow.from(), flow.cause(), flow.causeStep(),
                flow.disposition(), flow.where(), flow.chain(), flow.rule(), words.render(flow.reason()),
                ReasonView.of(flow.reason()));
    }

    public static List<Flow> flows(Trace trace, TraceMessages words) {
        return trace.flows().stream().map(flow -> flow(flow, words)).toList();
    }

    public static Document of(Trace trace, TraceMessages words, List<ChainRules> chains) {
        return new Document(trace.title(), trace.backend(), words.language(),
                trace.steps().stream().map(step -> hop(step, words)).toList(), flows(trace, words), trace.counters(),
                chains);
    }
}
