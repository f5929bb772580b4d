package io.netfilterflow.netfilter.save;

import java.util.List;

/**
 * The words nearly every rule repeats ({@code -A}, {@code -m}, {@code --comment}, ...), handed out
 * as shared strings instead of a new copy each time: big dumps are mostly these words.
 */
final class CommonWords {

    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];
    /** Each word's characters, in its slot: compared without calling into the string. */
    private static final char[][] CHARS = new char[SLOTS][];

    static {
        for (String word : List.of("-A", "-I", "-m", "-j", "-g", "-p", "-s", "-d", "-i", "-o", "!", "-c",
                "tcp", "udp", "icmp", "comment", "--comment", "--dport", "--sport", "--dports", "--sports",
                "multiport", "conntrack", "--ctstate", "state", "--state", "mark", "--mark", "addrtype",
                "--dst-type", "--src-type", "LOCAL", "physdev", "--physdev-is-bridged", "limit", "--limit",
                "ACCEPT", "DROP", "RETURN", "REJECT", "LOG", "MARK", "DNAT", "SNAT", "MASQUERADE",
                "--to-destination", "--to-source", "--set-xmark", "--reject-with", "--log-prefix",
                "NEW", "RELATED,ESTABLISHED", "INVALID", "--tcp-flags", "FIN,SYN,RST,ACK", "SYN",
                "statistic", "--mode", "random", "--probability", "recent", "mac", "--mac-source",
                "KUBE-MARK-MASQ", "KUBE-SERVICES", "KUBE-NODEPORTS", "DOCKER", "--random-fully")) {
            char[] chars = word.toCharArray();
            int slot = slot(chars, 0, chars.length);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            TABLE[slot] = word;
            CHARS[slot] = chars;
        }
    }

    private CommonWords() {
    }

    /** The common word {@code chars[start..end)} spells, or null when it is none. */
    static String word(char[] chars, int start, int end) {
        int length = end - start;
        for (int slot = slot(chars, start, end); TABLE[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            char[] candidate = CHARS[slot];
            if (candidate.length == length && same(candidate, chars, start)) {
                return TABLE[slot];
            }
        }
        return null;
    }

    private static boolean same(char[] word, char[] chars, int start) {
        for (int i = 0; i < word.length; i++) {
            if (word[i] != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Never negative, so a mask finds the slot. */
    private static int slot(char[] chars, int start, int end) {
        int length = end - start;
        int hash = length * 31 + chars[start] * 7 + chars[end - 1] * 3 + chars[start + length / 2];
        return hash & (SLOTS - 1);
    }
}
