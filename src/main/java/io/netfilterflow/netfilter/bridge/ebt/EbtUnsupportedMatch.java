package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.save.Unsupported;
import io.netfilterflow.netfilter.xtables.XtEvaluationException;
import io.netfilterflow.problem.Problem;
import java.util.List;

/** Options of an ebtables extension this project does not model ({@code --among-dst ...}), kept as written. */
public record EbtUnsupportedMatch(String name, List<String> words) implements EbtMatch, Unsupported {

    public EbtUnsupportedMatch {
        words = List.copyOf(words);
    }

    @Override
    public String kind() {
        return "ebtables extension";
    }

    @Override
    public String option() {
        return words.get(words.get(0).equals("!") ? 1 : 0);
    }

    @Override
    public void save(RuleWriter out) {
        saveWords(out);
    }

    @Override
    public boolean match(EbtActionParam par) {
        throw new XtEvaluationException(Problem.of("bridge.match-not-modelled", name));
    }
}
