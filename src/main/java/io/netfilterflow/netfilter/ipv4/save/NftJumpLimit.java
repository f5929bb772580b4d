package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import java.util.List;

/**
 * nf_tables' limit on jumps ({@code nft_chain_validate}): walking from each base chain at level 0,
 * every jump or goto enters its chain one level deeper, and entering one at level
 * {@value #NFT_JUMP_STACK_SIZE} ({@code NFT_JUMP_STACK_SIZE}) fails with EMLINK, whatever that
 * chain holds; a loop reached from a base chain fails the same way. Chains no base chain reaches
 * are not walked. The table is checked as the transaction commits it; when it fails, the kernel
 * replays the batch checking after every rule, so iptables-nft-restore names the first rule whose
 * addition made a walk too deep: {@code line N: RULE_APPEND failed (Too many links): rule in chain C}.
 * Measured with iptables-nft-restore 1.8.9 on Linux 6.18; iptables-legacy-restore loads such tables.
 */
final class NftJumpLimit {

    static final int NFT_JUMP_STACK_SIZE = 16;

    /** A jump rule the restore added ({@code command} -A or -I) or removed, in input order. */
    record Change(SourceLine line, String command, String chain, String target, boolean added) {
    }

    private NftJumpLimit() {
    }

    /** Refuses the table when the committed table is too deep, naming the rule the kernel names. */
    static void check(IptTable table, List<Change> changes) {
        JumpLevels committed = new JumpLevels();
        for (IptChain chain : table.chains()) {
            committed.chain(chain.name(), chain.isBuiltin());
            for (IptRule rule : chain.rules()) {
                if (rule.target() instanceof ChainJump jump) {
                    committed.chain(jump.chain(), false);
                    committed.link(chain.name(), jump.chain(), +1);
                }
            }
        }
        if (committed.deepest() == null) {
            return;
        }
        throw firstRefused(table, changes);
    }

    /** The replay: the first rule after which some walk from a base chain is too deep. */
    private static RulesSyntaxException firstRefused(IptTable table, List<Change> changes) {
        JumpLevels replay = new JumpLevels();
        table.chains().stream().filter(IptChain::isBuiltin).forEach(chain -> replay.chain(chain.name(), true));
        Change last = null;
        for (Change change : changes) {
            replay.chain(change.chain(), table.name().isBuiltin(change.chain()));
            replay.chain(change.target(), false);
            replay.link(change.chain(), change.target(), change.added() ? +1 : -1);
            if (!change.added()) {
                continue;
            }
            last = change;
            List<String> path = replay.deepest();
            if (path != null) {
                return refusal(change, path);
            }
        }
        // unreachable: the committed table is the replay's last state, and removals only make walks shorter
        throw new IllegalStateException("the jump replay of table " + table.name().saveName() + " found no rule at fault"
                + (last == null ? "" : " (last jump at line " + last.line().number() + ")"));
    }

    private static RulesSyntaxException refusal(Change change, List<String> walk) {
        String verb = change.command().equals("-I") ? "RULE_INSERT" : "RULE_APPEND";
        String entered = walk.get(walk.size() - 1);
        int again = walk.subList(0, walk.size() - 1).lastIndexOf(entered);
        String why = again >= 0
                ? "its jump makes a loop (" + String.join(" -> ", walk.subList(again, walk.size()))
                        + "), which nf_tables refuses as too deep"
                : "with it, " + String.join(" -> ", walk) + " enters " + entered + " " + (walk.size() - 1)
                        + " jumps deep, and nf_tables enters no chain " + NFT_JUMP_STACK_SIZE
                        + " jumps deep (NFT_JUMP_STACK_SIZE)";
        return new RulesSyntaxException(change.line(), verb + " failed (Too many links): rule in chain "
                + change.chain() + "; " + why + " (the legacy backend loads it)");
    }
}
