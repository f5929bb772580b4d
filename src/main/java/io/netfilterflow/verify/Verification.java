package io.netfilterflow.verify;

import io.netfilterflow.trace.ConformanceFormat;
import java.util.List;

/**
 * A scenario replayed on the kernel: the simulator's conformance lines and the kernel's (with the
 * deciding rule as third part), and whether they agree up to the second {@code |}.
 */
public record Verification(String backend, List<String> simulated, List<String> kernel) {

    public Verification {
        simulated = List.copyOf(simulated);
        kernel = List.copyOf(kernel);
    }

    public boolean identical() {
        return comparable(simulated).equals(comparable(kernel));
    }

    /** Lines the two have in common, in order. */
    public int inCommon() {
        return SideBySide.common(comparable(simulated), comparable(kernel));
    }

    public String diff() {
        return SideBySide.render(comparable(simulated), comparable(kernel));
    }

    static List<String> comparable(List<String> lines) {
        return lines.stream().map(ConformanceFormat::comparable).toList();
    }
}
