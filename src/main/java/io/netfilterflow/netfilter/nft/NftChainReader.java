package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code chain NAME { ... }}: the base chain's {@code type T hook H [device D] priority P;} and
 * {@code policy accept|drop;} statements, a {@code comment}, and its rules (read by {@link NftRuleReader}).
 * A chain's {@code flags} (hardware {@code offload}) and {@code devices} are refused by name.
 */
final class NftChainReader {

    private final NftBlockReader in;
    private final NftFamily family;
    private final String table;

    NftChainReader(NftBlockReader in, NftFamily family, String table) {
        this.in = in;
        this.family = family;
        this.table = table;
    }

    NftChain chain(int line) {
        String name = in.name("a chain name");
        Long handle = in.open();
        NftBaseChainSpec spec = null;
        NftPolicy policy = null;
        String comment = null;
        List<NftRule> rules = new ArrayList<>();
        while (true) {
            NftStatement statement = in.statement();
            if (statement.isEmpty()) {
                NftToken end = in.next();
                if (end.is(NftToken.Kind.END)) {
                    throw new RulesSyntaxException(line, Problem.of("rules.nft-unclosed-block", "chain " + name));
                }
                break;
            }
            switch (statement.word(in.source(), 0)) {
                case "type" -> spec = NftBaseChainSpec.read(statement, in.source(), family);
                case "policy" -> policy = policy(statement, spec);
                case "comment" -> comment = NftRuleReader.unquote(statement.word(in.source(), 1));
                case "flags", "devices" -> throw new RulesSyntaxException(statement.line(),
                        Problem.of("rules.nft-unsupported-in", statement.word(in.source(), 0), "chain " + name));
                default -> {
                    in.countRule(statement.line());
                    rules.add(NftRuleReader.rule(statement, in.source()));
                }
            }
        }
        NftBaseChain base = spec == null ? null
                : new NftBaseChain(spec.type(), spec.hook(), spec.priority(), policy == null ? NftPolicy.ACCEPT : policy,
                        spec.writtenPriority());
        XtablesNftTables.checkChain(line, family, table, name, base);
        return new NftChain(name, line, handle, comment, base, rules);
    }

    private NftPolicy policy(NftStatement statement, NftBaseChainSpec spec) {
        if (spec == null) {
            throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-policy-of-regular-chain"));
        }
        String word = statement.word(in.source(), 1);
        return switch (word) {
            case "accept" -> NftPolicy.ACCEPT;
            case "drop" -> NftPolicy.DROP;
            default -> throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-unknown-policy", word));
        };
    }
}
