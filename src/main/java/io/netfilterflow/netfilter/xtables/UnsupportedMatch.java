package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.save.Unsupported;
import io.netfilterflow.problem.Problem;
import java.util.List;

/** {@code -m NAME ...} for a match this project does not model ({@code -m quota}, {@code -m u32}, ...). */
public record UnsupportedMatch(String name, List<String> words) implements XtMatch, Unsupported {

    public UnsupportedMatch {
        words = List.copyOf(words);
    }

    @Override
    public String kind() {
        return "iptables match";
    }

    @Override
    public void save(RuleWriter out) {
        saveWords(out);
    }

    @Override
    public boolean match(XtActionParam par) {
        throw new XtEvaluationException(Problem.of("rules.match-not-modelled", name));
    }
}
