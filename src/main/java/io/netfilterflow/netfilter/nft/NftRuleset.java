package io.netfilterflow.netfilter.nft;

import java.util.List;

/** What {@code nft list ruleset} printed, read by {@link NftRulesetParser}: its tables in printed order. */
public record NftRuleset(List<NftTable> tables) {

    public static final NftRuleset EMPTY = new NftRuleset(List.of());

    public NftRuleset {
        tables = List.copyOf(tables);
    }

    public int chainCount() {
        return tables.stream().mapToInt(table -> table.chains().size()).sum();
    }

    public int ruleCount() {
        return tables.stream().mapToInt(NftTable::ruleCount).sum();
    }
}
