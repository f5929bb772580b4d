package io.netfilterflow.simulation;

import io.netfilterflow.problem.Problem;
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

    private static Problem message(Limit limit, long max, int packet, Stage stage, String input, int line) {
        Problem where;
        if (stage != null && stage.chain() != null) {
            where = Problem.of("sim.stopped-in-chain", packet, stage.chainName(), stage.hook());
        } else if (stage != null && stage.hook() != null) {
            where = Problem.of("sim.stopped-at-hook", packet,
                    (stage.family() == null ? "" : stage.family() + " ") + stage.hook());
        } else {
            where = Problem.of("sim.stopped-at-packet", packet);
        }
        return line > 0 ? Problem.of("sim.budget-exceeded-at-line", limit.amount(max), limit.key(), where, input, line)
                : Problem.of("sim.budget-exceeded", limit.amount(max), limit.key(), where);
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
