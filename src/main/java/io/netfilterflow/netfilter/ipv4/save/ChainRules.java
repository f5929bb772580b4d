package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.ipv4.IptRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a chain being restored, with each rule's header hash kept beside it once a rule is deleted by
 * its text, so that {@code -D CHAIN RULE} compares a number before it compares a rule: thousands of deletions
 * from a long chain cost a scan of integers each, not of records (a megabyte of them took 8 s). A dump without
 * such deletions, nearly all of them, never hashes a rule.
 */
final class ChainRules {

    private final List<IptRule> rules = new ArrayList<>();
    /** Null until the first {@link #indexOf}. */
    private int[] hashes;

    int size() {
        return rules.size();
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    List<IptRule> list() {
        return rules;
    }

    /** Adds the rule at {@code index} (0-based; {@code size()} appends). */
    void add(int index, IptRule rule) {
        if (hashes != null) {
            if (rules.size() == hashes.length) {
                hashes = Arrays.copyOf(hashes, hashes.length * 2);
            }
            System.arraycopy(hashes, index, hashes, index + 1, rules.size() - index);
            hashes[index] = rule.header().hashCode();
        }
        if (index == rules.size()) {
            rules.add(rule); // what nearly every line does: no copy of the rules after it, of which there are none
        } else {
            rules.add(index, rule);
        }
    }

    IptRule remove(int index) {
        if (hashes != null) {
            System.arraycopy(hashes, index + 1, hashes, index, rules.size() - index - 1);
        }
        return rules.remove(index);
    }

    void clear() {
        rules.clear();
    }

    /** The first rule that means the same as {@code rule} (header, matches, target), as iptables finds it; or -1. */
    int indexOf(IptRule rule) {
        if (hashes == null) {
            hashes = new int[Math.max(8, rules.size() * 2)];
            for (int i = 0; i < rules.size(); i++) {
                hashes[i] = rules.get(i).header().hashCode();
            }
        }
        int hash = rule.header().hashCode();
        for (int i = 0; i < rules.size(); i++) {
            if (hashes[i] != hash) {
                continue;
            }
            IptRule candidate = rules.get(i);
            if (candidate.header().equals(rule.header()) && candidate.matches().equals(rule.matches())
                    && Objects.equals(candidate.target(), rule.target())) {
                return i;
            }
        }
        return -1;
    }
}
