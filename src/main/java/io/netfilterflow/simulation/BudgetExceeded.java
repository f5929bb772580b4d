package io.netfilterflow.simulation;

import io.netfilterflow.simulation.SimulationBudget.Limit;
import io.netfilterflow.trace.Stage;

/**
 * The simulation went over its {@link SimulationBudget}: names the budget, its limit and where the
 * run was when it went over (the packet of the scenario, the hook, table and chain, the rule's line).
 */
public final class BudgetExceeded extends SimulationException {

    private final Limit limit;
    private final long max;
    private final int packet;
    private final Stage stage;

    BudgetExceeded(Limit limit, long max, int packet, Stage stage, String input, int line) {
        super(input, line, message(limit, max, packet, stage, input, line));
        this.limit = limit;
        this.max = max;
        this.packet = packet;
        this.stage = stage;
    }

    private static String message(Limit limit, long max, int packet, Stage stage, String input, int line) {
        StringBuilder where = new StringBuilder("the simulation needs more than its budget of ").append(max).append(' ')
                .append(limit.words()).append(" (").append(limit.key()).append("); it stopped at packet ").append(packet);
        if (stage != null && stage.chain() != null) {
            where.append(", in ").append(stage.chainName()).append(" (hook ").append(stage.hook()).append(')');
        } else if (stage != null && stage.hook() != null) {
            where.append(", at ").append(stage.family() == null ? "" : stage.family() + " ").append(stage.hook());
        }
        if (line > 0) {
            where.append(", ").append(input).append(" line ").append(line);
        }
        return where.toString();
    }

    public Limit limit() {
        return limit;
    }

    /** The budget's value. */
    public long max() {
        return max;
    }

    /** The scenario's packet (1-based) being simulated, or whose answer was. */
    public int packet() {
        return packet;
    }

    /** Where the step or rule was: hook, table and chain (null parts do not apply). */
    public Stage stage() {
        return stage;
    }
}
