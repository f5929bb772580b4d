package io.netfilterflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.Disposition;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonArg;
import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceMessages;
import java.util.List;

/** Domain assertions on a trace: conformance lines, the chains a packet visited, how each packet ended. */
public final class TraceAssert {

    private final Trace trace;

    private TraceAssert(Trace trace) {
        this.trace = trace;
    }

    public static TraceAssert assertThatTrace(Trace trace) {
        return new TraceAssert(trace);
    }

    /** The conformance lines up to the second {@code |}, in the kernel's reporting order. */
    public static List<String> conformance(Trace trace) {
        return ConformanceFormat.format(trace).lines().map(ConformanceFormat::comparable).toList();
    }

    /** {@code family table chain verdict} of each rule or policy that decided for one packet, {@code continue} included. */
    public static List<String> decisions(Trace trace, int flow) {
        return trace.steps().stream().filter(s -> s.flow() == flow
                        && (s.kind() == io.netfilterflow.trace.StepKind.RULE || s.kind() == io.netfilterflow.trace.StepKind.POLICY))
                .map(s -> s.stage().chainName() + " " + s.verdict()).toList();
    }

    /** Every code in a reason, its phrases' codes included, depth first: what tests assert instead of wording. */
    public static List<ReasonCode> codes(Reason reason) {
        List<ReasonCode> codes = new java.util.ArrayList<>();
        codes.add(reason.code());
        for (ReasonArg arg : reason.args()) {
            if (arg instanceof Reason phrase) {
                codes.addAll(codes(phrase));
            }
        }
        return codes;
    }

    public FlowResult flow(int flow) {
        return trace.flows().stream().filter(f -> f.flow() == flow).findFirst().orElseThrow(
                () -> new AssertionError("no packet " + flow + " in " + trace.flows()));
    }

    public TraceAssert endsIn(int flow, Disposition disposition) {
        assertThat(flow(flow).disposition()).as("packet %d: %s", flow, TraceMessages.ENGLISH.render(flow(flow).reason())).isEqualTo(disposition);
        return this;
    }

    public TraceAssert endsIn(int flow, Disposition disposition, String where) {
        endsIn(flow, disposition);
        assertThat(flow(flow).where()).as("where packet %d ended", flow).isEqualTo(where);
        return this;
    }

    public TraceAssert hasPackets(int count) {
        assertThat(trace.flows()).as("packets in the trace").hasSize(count);
        return this;
    }
}
