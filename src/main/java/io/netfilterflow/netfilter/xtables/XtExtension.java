package io.netfilterflow.netfilter.xtables;

import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import java.util.function.Function;

/**
 * What iptables knows of one extension before reading a rule: its name, its options and how
 * to build the typed model from them ({@code struct xtables_match}/{@code xtables_target}).
 */
public record XtExtension<T>(String name, OptionSpec options, Function<ExtensionArgs, T> factory) {

    public T create(ExtensionArgs args) {
        return factory.apply(args);
    }
}
