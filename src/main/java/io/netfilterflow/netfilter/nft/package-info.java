/**
 * Native nftables ({@code nf_tables}) as {@code nft list ruleset} prints it, read into an immutable model:
 * {@link io.netfilterflow.netfilter.nft.NftRuleset} of {@link io.netfilterflow.netfilter.nft.NftTable}s
 * (family and name), their {@link io.netfilterflow.netfilter.nft.NftChain}s (a
 * {@link io.netfilterflow.netfilter.nft.NftBaseChain} with type, hook, priority resolved per family and
 * policy), {@link io.netfilterflow.netfilter.nft.NftRule}s (line, {@code -a} handle, text, words, verdict,
 * comment) and named {@link io.netfilterflow.netfilter.nft.NftSet}s and maps.
 * {@link io.netfilterflow.netfilter.nft.NftRulesetPrinter} writes the model back in the layout nft prints; the
 * model keeps what it needs for that (handles, comments, a priority as written, how set elements wrap), so
 * what nft printed prints back byte for byte.
 *
 * <p>This is the parsed text, not yet what the simulator runs: rules keep their words, and the expressions
 * ({@code meta}, {@code ct}, payload, {@code fib}, sets and verdict maps) are read in a later increment. What
 * is not modelled is refused by name with its line ({@link io.netfilterflow.netfilter.nft.NftRulesetParser}
 * lists it): flowtables, stateful objects, ingress and egress hooks, dormant tables, sets with timeouts, and
 * the tables iptables-nft and ebtables-nft made, which belong in save text.
 */
package io.netfilterflow.netfilter.nft;
