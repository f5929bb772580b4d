package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtActionParam;
import io.netfilterflow.net.EtherType;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.MacMask;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import java.util.List;

/** The ARP header fields ({@code ebt_arp}): opcode, hardware/protocol type, addresses, gratuitous. */
public record EbtArpMatch(Negatable<Integer> opcode, Negatable<Integer> htype, Negatable<EtherType> ptype,
                          Negatable<Ipv4Prefix> ipSrc, Negatable<Ipv4Prefix> ipDst, Negatable<MacMask> macSrc,
                          Negatable<MacMask> macDst, Boolean gratuitous) implements EbtMatch {

    /** ARP opcodes 1..9 by the names ebtables uses. */
    private static final List<String> OPCODES = List.of("Request", "Reply", "Request_Reverse", "Reply_Reverse",
            "DRARP_Request", "DRARP_Reply", "DRARP_Error", "InARP_Request", "ARP_NAK");

    public static final XtExtension<EbtArpMatch> EXTENSION = new XtExtension<>("arp",
            OptionSpec.of("--arp-opcode|--arp-op", 1, "--arp-htype", 1, "--arp-ptype", 1, "--arp-ip-src", 1,
                    "--arp-ip-dst", 1, "--arp-mac-src", 1, "--arp-mac-dst", 1, "--arp-gratuitous", 0),
            EbtArpMatch::create);

    private static EbtArpMatch create(ExtensionArgs args) {
        OptionUse grat = args.find("--arp-gratuitous");
        return new EbtArpMatch(args.negatable("--arp-opcode", EbtArpMatch::opcode),
                args.negatable("--arp-htype", text -> text.equalsIgnoreCase("Ethernet") ? 1
                        : ExtensionArgs.parseBounded(text, 0, 65535)),
                args.negatable("--arp-ptype", EtherType::parse),
                args.negatable("--arp-ip-src", Ipv4Prefix::parse), args.negatable("--arp-ip-dst", Ipv4Prefix::parse),
                args.negatable("--arp-mac-src", MacMask::parse), args.negatable("--arp-mac-dst", MacMask::parse),
                grat == null ? null : grat.inverted());
    }

    private static int opcode(String text) {
        for (int i = 0; i < OPCODES.size(); i++) {
            if (OPCODES.get(i).equalsIgnoreCase(text)) {
                return i + 1;
            }
        }
        return ExtensionArgs.parseBounded(text, 0, 65535);
    }

    @Override
    public String name() {
        return "arp";
    }

    @Override
    public void save(RuleWriter out) {
        EbtEntry.ebtOption(out, "--arp-op", opcode == null ? null : Negatable.of(
                opcode.value() >= 1 && opcode.value() <= OPCODES.size() ? OPCODES.get(opcode.value() - 1)
                        : opcode.value().toString(), opcode.inverted()));
        EbtEntry.ebtOption(out, "--arp-htype", htype == null ? null
                : Negatable.of(htype.value() == 1 ? "Ethernet" : htype.value().toString(), htype.inverted()));
        EbtEntry.ebtOption(out, "--arp-ptype", ptype);
        EbtEntry.ebtOption(out, "--arp-ip-src", EbtArgs.shortPrefix(ipSrc));
        EbtEntry.ebtOption(out, "--arp-ip-dst", EbtArgs.shortPrefix(ipDst));
        EbtEntry.ebtOption(out, "--arp-mac-src", macSrc);
        EbtEntry.ebtOption(out, "--arp-mac-dst", macDst);
        if (gratuitous != null) {
            out.option(gratuitous, "--arp-gratuitous");
        }
    }

    /** The frames of these scenarios are IPv4, never ARP; the rule's {@code -p ARP} already fails. */
    @Override
    public boolean match(EbtActionParam par) {
        return false;
    }
}
