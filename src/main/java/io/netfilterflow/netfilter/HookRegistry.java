package io.netfilterflow.netfilter;

import static io.netfilterflow.netfilter.core.Priority.*;

import io.netfilterflow.netfilter.HookFn.BrNfForward;
import io.netfilterflow.netfilter.HookFn.BrNfPostRouting;
import io.netfilterflow.netfilter.HookFn.BrNfPreRouting;
import io.netfilterflow.netfilter.HookFn.ConntrackConfirm;
import io.netfilterflow.netfilter.HookFn.ConntrackIn;
import io.netfilterflow.netfilter.HookFn.EbtBroute;
import io.netfilterflow.netfilter.HookFn.EbtTable;
import io.netfilterflow.netfilter.HookFn.IpSabotageIn;
import io.netfilterflow.netfilter.HookFn.IptTable;
import io.netfilterflow.netfilter.HookFn.Nat;
import io.netfilterflow.netfilter.HookFn.NatChain;
import io.netfilterflow.netfilter.HookFn.NftBaseChain;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.nat.NatManip;
import io.netfilterflow.netfilter.nft.NftChain;
import io.netfilterflow.netfilter.nft.NftChainType;
import io.netfilterflow.netfilter.nft.NftTable;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.match.ConnmarkMatch;
import io.netfilterflow.netfilter.xtables.match.ConntrackMatch;
import io.netfilterflow.netfilter.xtables.match.StateMatch;
import io.netfilterflow.netfilter.xtables.target.ConnmarkTarget;
import io.netfilterflow.netfilter.xtables.target.CtTarget;
import io.netfilterflow.netfilter.xtables.target.NotrackTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every hook registration of the host's namespace, ordered by priority as {@code nf_register_net_hook}
 * orders them. Tables register only the base chains they have (nft) or all of theirs (legacy);
 * conntrack and NAT only when some rule needs them. The diagram is drawn from this same list.
 */
public final class HookRegistry {

    private final Map<NfProto, Map<NfHook, List<HookOps>>> ops = new EnumMap<>(NfProto.class);

    private HookRegistry(List<HookOps> all) {
        for (NfProto pf : NfProto.values()) {
            Map<NfHook, List<HookOps>> byHook = new EnumMap<>(NfHook.class);
            for (NfHook hook : NfHook.values()) {
                byHook.put(hook, all.stream().filter(o -> o.pf() == pf && o.hook() == hook)
                        .sorted(Comparator.comparingInt(HookOps::priority)).toList());
            }
            ops.put(pf, byHook);
        }
    }

    /** The registrations of a host's rulesets; conntrack only once a table or rule needs it, as the kernel loads it. */
    public static HookRegistry of(Backend backend, IptablesRuleset iptables, EbtablesRuleset ebtables) {
        return of(backend, iptables, ebtables, NftProgram.EMPTY);
    }

    /** With the host's native tables: their base chains join the hooks by priority, nat chains the NAT core. */
    public static HookRegistry of(Backend backend, IptablesRuleset iptables, EbtablesRuleset ebtables,
                                  NftProgram nftables) {
        return of(backend, iptables, ebtables, nftables, needsConntrack(iptables) || nftables.usesConntrack());
    }

    static boolean needsConntrack(IptablesRuleset rules) {
        if (rules.table(IptTableName.NAT) != null) {
            return true;
        }
        for (var table : rules.tables()) {
            for (var chain : table.chains()) {
                for (IptRule rule : chain.rules()) {
                    if (rule.target() instanceof CtTarget || rule.target() instanceof NotrackTarget
                            || rule.target() instanceof ConnmarkTarget) {
                        return true;
                    }
                    for (XtMatch match : rule.matches()) {
                        if (match instanceof ConntrackMatch || match instanceof StateMatch
                                || match instanceof ConnmarkMatch) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    public static HookRegistry of(Backend backend, IptablesRuleset iptables, EbtablesRuleset ebtables,
                                  boolean conntrack) {
        return of(backend, iptables, ebtables, NftProgram.EMPTY, conntrack);
    }

    private static HookRegistry of(Backend backend, IptablesRuleset iptables, EbtablesRuleset ebtables,
                                   NftProgram nftables, boolean conntrack) {
        List<HookOps> all = new ArrayList<>();
        Map<NfHook, List<NatChain>> natChains = new EnumMap<>(NfHook.class);
        int security = backend == Backend.NFT ? NFT_SECURITY : NF_IP_PRI_SECURITY;
        for (IptTableName name : IptTableName.values()) {
            var table = iptables.table(name);
            if (table == null) {
                continue;
            }
            for (String chain : name.builtinChains()) {
                if (backend == Backend.NFT && table.chain(chain) == null) {
                    continue;
                }
                NfHook hook = NfHook.byChain(chain);
                switch (name) {
                    case RAW -> all.add(ip(hook, NF_IP_PRI_RAW, new IptTable(name)));
                    case MANGLE -> all.add(ip(hook, NF_IP_PRI_MANGLE, new IptTable(name)));
                    case FILTER -> all.add(ip(hook, NF_IP_PRI_FILTER, new IptTable(name)));
                    case SECURITY -> all.add(ip(hook, security, new IptTable(name)));
                    case NAT -> natChains.computeIfAbsent(hook, h -> new ArrayList<>())
                            .add(new NatChain(NatManip.of(hook) == NatManip.DST ? NF_IP_PRI_NAT_DST
                                    : NF_IP_PRI_NAT_SRC, null, chain));
                }
            }
        }
        List<HookOps> bridgeChains = new ArrayList<>();
        for (NftTable table : nftables.ruleset().tables()) {
            NfProto pf = switch (table.family()) {
                case IP, INET -> NfProto.IPV4;
                case BRIDGE -> NfProto.BRIDGE;
                default -> null; // ip6, arp and netdev chains never see the IPv4 packets simulated here
            };
            if (pf == null) {
                continue;
            }
            for (NftChain chain : table.chains()) {
                if (!chain.isBase()) {
                    continue;
                }
                NfHook hook = NfHook.byNftHook(chain.base().hook());
                int priority = chain.base().priority();
                if (chain.base().type() == NftChainType.NAT && pf == NfProto.IPV4) {
                    natChains.computeIfAbsent(hook, h -> new ArrayList<>())
                            .add(new NatChain(priority, table, chain.name()));
                } else {
                    (pf == NfProto.BRIDGE ? bridgeChains : all)
                            .add(new HookOps(pf, hook, priority, new NftBaseChain(table, chain.name())));
                }
            }
        }
        if (!natChains.isEmpty()) {
            // nf_nat_register_fn: the first nat base chain registers the NAT core at all four hooks of its family,
            // so replies are un-NATed even where no nat chain hooks
            for (NfHook hook : List.of(NfHook.PRE_ROUTING, NfHook.LOCAL_IN, NfHook.LOCAL_OUT, NfHook.POST_ROUTING)) {
                natChains.computeIfAbsent(hook, h -> new ArrayList<>());
            }
        }
        natChains.forEach((hook, chains) -> {
            NatManip manip = NatManip.of(hook);
            List<NatChain> ordered = chains.stream().sorted(Comparator.comparingInt(NatChain::priority)).toList();
            all.add(ip(hook, manip == NatManip.DST ? NF_IP_PRI_NAT_DST : NF_IP_PRI_NAT_SRC, new Nat(manip, ordered)));
        });
        if (conntrack) {
            all.add(ip(NfHook.PRE_ROUTING, NF_IP_PRI_CONNTRACK, new ConntrackIn()));
            all.add(ip(NfHook.LOCAL_OUT, NF_IP_PRI_CONNTRACK, new ConntrackIn()));
            all.add(ip(NfHook.POST_ROUTING, NF_IP_PRI_CONNTRACK_CONFIRM, new ConntrackConfirm()));
            all.add(ip(NfHook.LOCAL_IN, NF_IP_PRI_CONNTRACK_CONFIRM, new ConntrackConfirm()));
        }
        all.add(ip(NfHook.PRE_ROUTING, FIRST, new IpSabotageIn()));
        for (EbtTableName name : EbtTableName.values()) {
            var table = ebtables.tables().stream().filter(t -> t.name() == name).findFirst().orElse(null);
            if (table == null) {
                continue;
            }
            for (String chain : name.builtinChains()) {
                if (table.chain(chain) == null) {
                    continue;
                }
                NfHook hook = name.hook(chain);
                all.add(new HookOps(NfProto.BRIDGE, hook, ebtPriority(backend, name, hook),
                        name == EbtTableName.BROUTE ? new EbtBroute() : new EbtTable(name)));
            }
        }
        all.addAll(bridgeChains);
        all.add(new HookOps(NfProto.BRIDGE, NfHook.PRE_ROUTING, NF_BR_PRI_BRNF, new BrNfPreRouting()));
        all.add(new HookOps(NfProto.BRIDGE, NfHook.FORWARD, NF_BR_PRI_BRNF - 1, new BrNfForward()));
        all.add(new HookOps(NfProto.BRIDGE, NfHook.POST_ROUTING, LAST, new BrNfPostRouting()));
        return new HookRegistry(all);
    }

    /**
     * ebtables priorities: {@code ebtable_filter}/{@code ebtable_nat} (legacy) register OUTPUT filter at
     * {@code NF_BR_PRI_FILTER_OTHER}; ebtables-nft puts every filter chain at {@code NF_BR_PRI_FILTER_BRIDGED}.
     */
    static int ebtPriority(Backend backend, EbtTableName table, NfHook hook) {
        if (table == EbtTableName.BROUTE) {
            return FIRST;
        }
        if (table == EbtTableName.FILTER) {
            return hook == NfHook.LOCAL_OUT && backend == Backend.LEGACY ? NF_BR_PRI_FILTER_OTHER
                    : NF_BR_PRI_FILTER_BRIDGED;
        }
        return switch (hook) {
            case PRE_ROUTING -> NF_BR_PRI_NAT_DST_BRIDGED;
            case LOCAL_OUT -> NF_BR_PRI_NAT_DST_OTHER;
            default -> NF_BR_PRI_NAT_SRC;
        };
    }

    private static HookOps ip(NfHook hook, int priority, HookFn fn) {
        return new HookOps(NfProto.IPV4, hook, priority, fn);
    }

    /** The registrations on one hook, lowest priority first. */
    public List<HookOps> ops(NfProto pf, NfHook hook) {
        return ops.get(pf).get(hook);
    }
}
