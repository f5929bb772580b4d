package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.save.Unsupported;
import io.netfilterflow.problem.Problem;
import java.util.List;

/** {@code -j NAME ...} for a target this project does not model ({@code -j TEE}, {@code -j TPROXY}, ...). */
public record UnsupportedTarget(String name, List<String> words) implements XtTarget, Unsupported {

    public UnsupportedTarget {
        words = List.copyOf(words);
    }

    @Override
    public String kind() {
        return "iptables target";
    }

    /** Refused by name when a packet reaches it: the simulation never guesses what it would do. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        throw new XtEvaluationException(Problem.of("rules.target-not-modelled", name));
    }

    @Override
    public void saveOptions(RuleWriter out) {
        saveWords(out);
    }
}
