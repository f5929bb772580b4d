package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Negatable;

/** How the ebtables extensions print an IPv4 prefix. */
final class EbtArgs {

    private EbtArgs() {
    }


    /** ebtables prints a /32 as a bare address ({@code xtables_ipmask_to_numeric}). */
    static Negatable<String> shortPrefix(Negatable<Ipv4Prefix> prefix) {
        if (prefix == null) {
            return null;
        }
        Ipv4Prefix value = prefix.value();
        return Negatable.of(value.length() == 32 ? value.address().toString() : value.toString(), prefix.inverted());
    }
}
