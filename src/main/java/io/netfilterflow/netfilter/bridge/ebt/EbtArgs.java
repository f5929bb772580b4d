package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionUse;
import java.util.function.Function;

/** Small readers shared by the ebtables extensions. */
final class EbtArgs {

    private EbtArgs() {
    }

    static <T> Negatable<T> get(ExtensionArgs args, String name, Function<String, T> parser) {
        OptionUse use = args.find(name);
        return use == null ? null : Negatable.of(args.value(use, parser), use.inverted());
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
