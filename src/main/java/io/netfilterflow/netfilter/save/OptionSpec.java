package io.netfilterflow.netfilter.save;

import java.util.HashMap;
import java.util.Map;

import java.util.List;

/**
 * The options one extension accepts on the command line, each with how many words follow it
 * (the extension's {@code struct xt_option_entry} table).
 */
public record OptionSpec(List<Option> options, Map<String, Option> byName) {

    /** One option: its long names and how many arguments it takes. */
    public record Option(List<String> names, int arity) {
    }

    public static OptionSpec of(Object... nameArityPairs) {
        List<Option> list = new java.util.ArrayList<>();
        for (int i = 0; i < nameArityPairs.length; i += 2) {
            String names = (String) nameArityPairs[i];
            String[] aliases = names.split("\\|");
            for (int a = 0; a < aliases.length; a++) {
                // the same string as the factories' literals: ExtensionArgs finds an option by identity, mostly
                aliases[a] = aliases[a].intern();
            }
            list.add(new Option(List.of(aliases), (Integer) nameArityPairs[i + 1]));
        }
        Map<String, Option> byName = new HashMap<>();
        for (Option option : list) {
            for (String name : option.names()) {
                byName.putIfAbsent(name, option); // the first declared wins
            }
        }
        return new OptionSpec(List.copyOf(list), Map.copyOf(byName));
    }

    /** The option whose name (any alias) this is, or null. */
    public Option find(String name) {
        return byName.get(name); // asked for each option of each rule, by each extension the rule loaded
    }
}
