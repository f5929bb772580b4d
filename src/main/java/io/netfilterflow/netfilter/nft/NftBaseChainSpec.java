package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.List;

/**
 * A base chain's {@code type T hook H [device D] priority P} statement, its priority resolved for the family:
 * a number, a standard name, or a name plus or minus a number ({@code mangle - 5}), as nft's
 * {@code prio_spec} reads it.
 */
record NftBaseChainSpec(NftChainType type, String hook, int priority, String writtenPriority) {

    static NftBaseChainSpec read(NftStatement statement, String source, NftFamily family) {
        List<String> words = statement.words(source, 0);
        int line = statement.line();
        NftChainType type = NftChainType.of(after(words, "type", line));
        if (type == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-unknown-chain-type", after(words, "type", line)));
        }
        String hook = after(words, "hook", line);
        if (hook.equals("ingress") || hook.equals("egress")) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-unsupported-hook", family, hook));
        }
        if (!family.hooks().contains(hook)) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-unknown-hook", hook, family,
                    String.join(", ", family.hooks())));
        }
        int at = words.indexOf("priority");
        if (at < 0) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-base-chain-needs", "priority"));
        }
        List<String> priority = words.subList(at + 1, words.size());
        return new NftBaseChainSpec(type, hook, priority(priority, family, line), String.join(" ", priority));
    }

    private static String after(List<String> words, String keyword, int line) {
        int at = words.indexOf(keyword);
        if (at < 0 || at + 1 >= words.size()) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-base-chain-needs", keyword));
        }
        return words.get(at + 1);
    }

    static int priority(List<String> words, NftFamily family, int line) {
        String written = String.join(" ", words);
        Integer value = null;
        if (words.size() == 1) {
            value = number(words.get(0));
            if (value == null) {
                value = family.standardPriority(words.get(0));
            }
        } else if (words.size() == 3 && (words.get(1).equals("+") || words.get(1).equals("-"))) {
            Integer base = family.standardPriority(words.get(0));
            Integer offset = number(words.get(2));
            if (base != null && offset != null) {
                value = words.get(1).equals("+") ? base + offset : base - offset;
            }
        }
        if (value == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-unknown-priority", written, family));
        }
        return value;
    }

    private static Integer number(String word) {
        if (word.isEmpty() || word.length() > 11) {
            return null;
        }
        try {
            long value = Long.parseLong(word);
            return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? null : (int) value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
