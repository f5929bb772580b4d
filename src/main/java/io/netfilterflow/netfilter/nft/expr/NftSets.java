package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftSet;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's named sets and maps, built into {@link NftElements} the first time a rule looks one up, with the
 * key types of the rule's expression (nft checks that they agree with the declaration; this reader trusts it).
 */
public final class NftSets {

    private final String table;
    private final Map<String, NftSet> declared = new HashMap<>();
    private final Map<String, NftElements> built = new HashMap<>();

    public NftSets(NftTable table) {
        this.table = table.family().nftName() + " " + table.name();
        table.sets().forEach(set -> declared.put(set.name(), set));
    }

    /** The elements of a set, or of a map whose data is {@code data} (verdicts, or NAT addresses). */
    NftElements elements(String name, List<NftType> key, NftValues.Data data, NftRefusals fail) {
        NftElements cached = built.get(name);
        if (cached != null) {
            return cached;
        }
        NftSet set = declared.get(name);
        if (set == null) {
            throw new RulesSyntaxException(fail.line, Problem.of("rules.nft-no-such-set", name, table));
        }
        NftValues.Data kind = !set.map() ? NftValues.Data.NONE
                : set.type().strip().endsWith("verdict") ? NftValues.Data.VERDICT
                : set.type().matches(".*:\\s*ipv4_addr(\\s*\\.\\s*inet_service)?\\s*") ? NftValues.Data.NAT : null;
        if (set.map() && kind != data) {
            throw fail.notModelled(Problem.of("rules.nft-map-here", name,
                    set.type().substring(set.type().indexOf(':') + 1).strip()));
        }
        NftRefusals at = new NftRefusals(set.line());
        NftElements.Builder builder = new NftElements.Builder();
        for (String element : set.elements()) {
            List<String> words = new ArrayList<>(NftWords.ofText(element));
            NftWords in = new NftWords(words);
            new NftValues(in, at).element(key, kind, builder);
            if (!in.atEnd()) {
                throw at.expected(Problem.of("rules.nft-end-of-element"), in.peek());
            }
        }
        NftElements elements = builder.build();
        built.put(name, elements);
        return elements;
    }
}
