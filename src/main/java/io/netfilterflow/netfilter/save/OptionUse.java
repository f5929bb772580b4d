package io.netfilterflow.netfilter.save;

import java.util.List;

/** One option as written in a rule: its canonical name, whether {@code !} preceded it, its words. */
public record OptionUse(String name, boolean inverted, List<String> args) {

    public OptionUse {
        args = List.copyOf(args);
    }

    public String arg() {
        return args.get(0);
    }
}
