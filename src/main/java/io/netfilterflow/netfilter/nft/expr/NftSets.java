package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftSet;
import io.netfilterflow.netfilter.nft.NftTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's named sets and maps, built into {@link NftElements} the first time a rule looks one up, with the
 * key types of the rule's expression (nft checks that they agree with the declaration; this reader trusts it).
 */
public final class NftSets {

    private final Map<String, NftSet> declared = new HashMap<>();
    private final Map<String, NftElements> built = new HashMap<>();

    public NftSets(NftTable table) {
        table.sets().forEach(set -> declared.put(set.name(), set));
    }

    NftElements elements(String name, List<NftType> key, NftRuleCompiler.Failure fail) {
        NftElements cached = built.get(name);
        if (cached != null) {
            return cached;
        }
        NftSet set = declared.get(name);
        if (set == null) {
            throw fail.notModelled("@" + name + " (no such set in the table)");
        }
        boolean verdicts = set.map() && set.type().strip().endsWith("verdict");
        if (set.map() && !verdicts) {
            throw fail.notModelled("map " + name + " of data other than verdicts");
        }
        NftRuleCompiler.Failure at = new NftRuleCompiler.Failure(set.line());
        NftElements.Builder builder = new NftElements.Builder();
        for (String element : set.elements()) {
            List<String> words = new ArrayList<>(NftWords.ofText(element));
            NftWords in = new NftWords(words);
            new NftValues(in, at).element(key, verdicts, builder);
            if (!in.atEnd()) {
                throw at.expected("the end of the element", in.peek());
            }
        }
        NftElements elements = builder.build();
        built.put(name, elements);
        return elements;
    }
}
