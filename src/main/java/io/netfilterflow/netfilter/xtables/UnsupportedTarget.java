package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.save.Unsupported;
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

    @Override
    public void saveOptions(RuleWriter out) {
        saveWords(out);
    }
}
