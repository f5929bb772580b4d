package io.netfilterflow.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * A named set or map of a table ({@code nft_set}): its key type as written after {@code type} or
 * {@code typeof} (with {@code : DATA} for a map), its flags, and its elements as written (a map's element
 * keeps its {@code key : value}). Kept to print it back as read: its {@code -a} handle (null when none),
 * whether the key was given by {@code typeof}, the statements that do not change what matches ({@code size},
 * {@code policy}, {@code auto-merge}, {@code comment}) as written, and how many elements each printed line of
 * {@code elements = { ... }} held (empty: all on one line).
 */
public record NftSet(String name, int line, Long handle, boolean map, boolean typeof, String type, List<String> flags,
        List<String> statements, List<String> elements, List<Integer> elementLines) {

    public NftSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        flags = List.copyOf(flags);
        statements = List.copyOf(statements);
        elements = List.copyOf(elements);
        elementLines = List.copyOf(elementLines);
        if (!elementLines.isEmpty() && elementLines.stream().mapToInt(Integer::intValue).sum() != elements.size()) {
            throw new IllegalArgumentException("the element lines hold " + elementLines + ", not " + elements.size());
        }
    }

    public NftSet(String name, int line, boolean map, String type, List<String> flags, List<String> elements) {
        this(name, line, null, map, false, type, flags, List.of(), elements, List.of());
    }
}
