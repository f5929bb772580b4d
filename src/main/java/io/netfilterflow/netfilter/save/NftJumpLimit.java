package io.netfilterflow.netfilter.save;

import io.netfilterflow.problem.Problem;
import java.util.List;
import java.util.function.Predicate;

/**
 * nf_tables' limit on jumps ({@code nft_chain_validate}), for iptables-nft and ebtables-nft alike:
 * walking from each base chain at level 0, every jump or goto enters its chain one level deeper, and
 * entering one at level {@value #NFT_JUMP_STACK_SIZE} ({@code NFT_JUMP_STACK_SIZE}) fails with
 * EMLINK, whatever that chain holds; a loop reached from a base chain fails the same way. Chains no
 * base chain reaches are not walked. The table is checked as the transaction commits it; when it
 * fails, the kernel replays the batch checking after every rule, so the restore tool names the first
 * rule whose addition made a walk too deep: {@code line N: RULE_APPEND failed (Too many links): rule
 * in chain C}. Measured with iptables-nft-restore and ebtables-restore 1.8.9 on Linux 6.18; the
 * legacy tools load such tables.
 */
public final class NftJumpLimit {

    public static final int NFT_JUMP_STACK_SIZE = 16;

    /** A jump rule the restore added ({@code command} -A or -I) or removed, in input order. */
    public record Change(SourceLine line, String command, String chain, String target, boolean added) {
    }

    private NftJumpLimit() {
    }

    /**
     * Refuses a table whose committed state (the changes applied in order) walks too deep, naming the
     * rule the kernel names.
     */
    public static void check(List<Change> changes, Predicate<String> isBase) {
        JumpLevels committed = new JumpLevels();
        for (Change change : changes) {
            apply(committed, change, isBase);
        }
        if (committed.deepest() == null) {
            return;
        }
        JumpLevels replay = new JumpLevels();
        for (Change change : changes) {
            apply(replay, change, isBase);
            List<String> walk = change.added() ? replay.deepest() : null;
            if (walk != null) {
                throw refusal(change, walk);
            }
        }
        // the committed table is the replay's last state, and removals only make walks shorter
        throw new IllegalStateException("the jump replay found no rule at fault");
    }

    private static void apply(JumpLevels levels, Change change, Predicate<String> isBase) {
        levels.chain(change.chain(), isBase.test(change.chain()));
        levels.chain(change.target(), isBase.test(change.target()));
        levels.link(change.chain(), change.target(), change.added() ? +1 : -1);
    }

    private static RulesSyntaxException refusal(Change change, List<String> walk) {
        String verb = change.command().equals("-I") ? "RULE_INSERT" : "RULE_APPEND";
        String entered = walk.get(walk.size() - 1);
        int again = walk.subList(0, walk.size() - 1).lastIndexOf(entered);
        Problem why = again >= 0
                ? Problem.of("rules.nft-jump-loop", String.join(" -> ", walk.subList(again, walk.size())))
                : Problem.of("rules.nft-jump-too-deep", String.join(" -> ", walk), entered, walk.size() - 1,
                        NFT_JUMP_STACK_SIZE);
        return new RulesSyntaxException(change.line(), Problem.of("rules.nft-too-many-links", verb, change.chain(),
                why));
    }
}
