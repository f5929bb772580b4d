package io.netfilterflow.simulation;

import io.netfilterflow.trace.PacketView;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonArg;
import io.netfilterflow.trace.Step;

/**
 * What a step costs to hold and to send, estimated from its content without serializing it: the
 * names and numbers of a hop's JSON (about {@value #FIXED} bytes) plus its texts. Within a factor of
 * two of the real JSON for every preset (SimulationBudgetTest checks it).
 */
final class TraceSize {

    /** Field names, punctuation and numbers of one hop event. */
    static final int FIXED = 420;
    /** The words of a sentence, in bytes, beside its arguments. */
    static final int WORDS = 40;

    private TraceSize() {
    }

    static long of(Step step) {
        long size = FIXED + length(step.verdict()) + length(step.node()) + 2 * length(step.reason());
        for (Reason note : step.notes()) {
            size += 2 * length(note);
        }
        if (step.stage() != null) {
            size += length(step.stage().family()) + length(step.stage().hook()) + length(step.stage().table())
                    + length(step.stage().chain());
        }
        if (step.rule() != null) {
            size += length(step.rule().input()) + length(step.rule().text());
        }
        PacketView p = step.packet();
        if (p != null) {
            size += length(p.ethSrc()) + length(p.ethDst()) + length(p.src()) + length(p.dst()) + length(p.proto())
                    + length(p.tcpFlags()) + length(p.icmpType()) + length(p.mark()) + length(p.ctState())
                    + length(p.in()) + length(p.out()) + length(p.physIn()) + length(p.physOut())
                    + length(p.embedded());
        }
        return size;
    }

    /**
     * A reason's code and arguments, which its JSON carries once as data and once in the sentence, with
     * about {@value #WORDS} bytes of words around them.
     */
    private static long length(Reason reason) {
        long size = WORDS + reason.code().name().length();
        for (ReasonArg arg : reason.args()) {
            size += 12 + (arg instanceof Reason phrase ? length(phrase) : length(((ReasonArg.Value) arg).text()));
        }
        return size;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
