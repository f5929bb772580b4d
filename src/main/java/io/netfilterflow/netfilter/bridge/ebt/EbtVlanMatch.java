package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.net.EtherType;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** The 802.1Q tag ({@code ebt_vlan}): id, priority and encapsulated ethertype. */
public record EbtVlanMatch(Negatable<Integer> id, Negatable<Integer> prio, Negatable<EtherType> encap)
        implements EbtMatch {

    public static final XtExtension<EbtVlanMatch> EXTENSION = new XtExtension<>("vlan",
            OptionSpec.of("--vlan-id", 1, "--vlan-prio", 1, "--vlan-encap", 1),
            args -> new EbtVlanMatch(args.negatable("--vlan-id", text -> ExtensionArgs.parseBounded(text, 0, 4094)),
                    args.negatable("--vlan-prio", text -> ExtensionArgs.parseBounded(text, 0, 7)),
                    args.negatable("--vlan-encap", EtherType::parse)));

    @Override
    public String name() {
        return "vlan";
    }

    @Override
    public void save(RuleWriter out) {
        EbtEntry.ebtOption(out, "--vlan-id", id);
        EbtEntry.ebtOption(out, "--vlan-prio", prio);
        EbtEntry.ebtOption(out, "--vlan-encap", encap == null ? null
                : Negatable.of(String.format("%04X", encap.value().number()), encap.inverted()));
    }

    /** Frames here are untagged; {@code -p 802_1Q} fails before this is asked. */
    @Override
    public boolean match(EbtActionParam par) {
        return false;
    }
}
