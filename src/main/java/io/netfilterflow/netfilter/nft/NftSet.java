package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * A named set or map of a table ({@code nft_set}): its key type as written after {@code type} or
 * {@code typeof} (with {@code : DATA} for a map), its flags, and its elements as written (a map's element
 * keeps its {@code key : value}).
 */
public record NftSet(String name, int line, boolean map, String type, List<String> flags, List<String> elements) {

    public NftSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        flags = List.copyOf(flags);
        elements = List.copyOf(elements);
    }
}
