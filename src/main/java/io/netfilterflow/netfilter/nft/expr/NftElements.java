package io.netfilterflow.netfilter.nft.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set's or map's elements as the kernel looks them up ({@code nft_lookup}): single values in a hash, as
 * {@code nft_set_hash} keeps them, and intervals (prefixes, ranges, in any part of a concatenation) tried in
 * order, as {@code nft_set_rbtree} and {@code nft_set_pipapo} find them. A map's element carries its data: a
 * verdict, an address, a value.
 */
public final class NftElements {

    /** One part of an interval element: a closed range of values, or one interface name (a trailing * a prefix). */
    record Part(long low, long high, String name) {

        boolean contains(Object value) {
            if (name != null) {
                return value instanceof String text && (name.endsWith("*")
                        ? text.startsWith(name.substring(0, name.length() - 1)) : text.equals(name));
            }
            return value instanceof Long number && Long.compareUnsigned(number, low) >= 0
                    && Long.compareUnsigned(number, high) <= 0;
        }
    }

    record Interval(List<Part> parts, Object data) {

        boolean contains(Object key) {
            if (parts.size() == 1) {
                return parts.get(0).contains(key);
            }
            List<?> values = (List<?>) key;
            for (int i = 0; i < parts.size(); i++) {
                if (!parts.get(i).contains(values.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** What a lookup returns for an element without data: present, nothing to hand on. */
    public static final Object PRESENT = new Object();

    private final Map<Object, Object> exact;
    private final List<Interval> intervals;

    private NftElements(Map<Object, Object> exact, List<Interval> intervals) {
        this.exact = exact;
        this.intervals = intervals;
    }

    /** The data of the element the key falls in ({@link #PRESENT} for a set's), or null when none holds it. */
    public Object lookup(Object key) {
        if (key == null) {
            return null;
        }
        Object found = exact.get(key);
        if (found != null) {
            return found;
        }
        for (Interval interval : intervals) {
            if (interval.contains(key)) {
                return interval.data();
            }
        }
        return null;
    }

    /** Every element's data (a verdict map's verdicts), exact elements first. */
    public List<Object> data() {
        List<Object> all = new ArrayList<>(exact.values());
        intervals.forEach(interval -> all.add(interval.data()));
        return all;
    }

    public int size() {
        return exact.size() + intervals.size();
    }

    /** Builds the elements one at a time; an exact key given twice keeps its first data, as nft refuses a clash. */
    static final class Builder {
        private final Map<Object, Object> exact = new HashMap<>();
        private final List<Interval> intervals = new ArrayList<>();

        void add(List<Part> parts, Object data) {
            boolean single = parts.stream().allMatch(part -> part.name() != null
                    ? !part.name().endsWith("*") : part.low() == part.high());
            if (single) {
                Object key = parts.size() == 1 ? value(parts.get(0)) : parts.stream().map(Builder::value).toList();
                exact.putIfAbsent(key, data);
            } else {
                intervals.add(new Interval(List.copyOf(parts), data));
            }
        }

        private static Object value(Part part) {
            return part.name() != null ? part.name() : (Object) part.low();
        }

        NftElements build() {
            return new NftElements(Map.copyOf(exact), List.copyOf(intervals));
        }
    }
}
