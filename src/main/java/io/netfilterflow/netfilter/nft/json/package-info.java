/**
 * What {@code nft -j list ruleset} prints (libnftables-json, {@code libnftables-json(5)}; nft's {@code json.c}
 * writes it), read into the same {@link io.netfilterflow.netfilter.nft.NftRuleset} as the text listing:
 * {@link io.netfilterflow.netfilter.nft.json.NftJsonReader} writes each object as nft prints it in text (so a
 * rule's text and words are nft's own and the expression compiler reads them unchanged), reads that with
 * {@link io.netfilterflow.netfilter.nft.NftRulesetParser}, and gives everything the line of its JSON object.
 * What the text parser refuses is refused here too, on the JSON line; JSON shapes with no text form here
 * (statements the simulator does not model) are refused by name.
 */
package io.netfilterflow.netfilter.nft.json;
