package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.net.InterfaceName;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.RuleWriter;

/**
 * The fixed part of an ebtables rule ({@code struct ebt_entry}): protocol, MACs, the bridge port
 * ({@code -i}/{@code -o}) and the bridge itself ({@code --logical-in}/{@code --logical-out}).
 */
public record EbtEntry(Negatable<EbtProtocol> protocol, Negatable<MacMask> source, Negatable<MacMask> destination,
                       Negatable<InterfaceName> in, Negatable<InterfaceName> logicalIn,
                       Negatable<InterfaceName> out, Negatable<InterfaceName> logicalOut) {

    /** In ebtables-save order; ebtables writes {@code !} after the option name. */
    public void save(RuleWriter writer) {
        ebtOption(writer, "-p", protocol);
        ebtOption(writer, "-s", source);
        ebtOption(writer, "-d", destination);
        ebtOption(writer, "-i", in);
        ebtOption(writer, "--logical-in", logicalIn);
        ebtOption(writer, "-o", out);
        ebtOption(writer, "--logical-out", logicalOut);
    }

    /** {@code --name [!] value}, the ebtables placement of negation. */
    public static void ebtOption(RuleWriter writer, String name, Negatable<?> value) {
        if (value != null) {
            writer.word(name);
            if (value.inverted()) {
                writer.word("!");
            }
            writer.word(value.value().toString());
        }
    }
}
