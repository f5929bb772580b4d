package io.netfilterflow.netfilter.save;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The words nearly every rule repeats ({@code -A}, {@code -m}, {@code --comment}, ...), handed out
 * as shared strings instead of a new copy each time: big dumps are mostly these words.
 */
final class CommonWords {

    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];
    /** Each word's characters as bytes, in its slot: compared without calling into the string. */
    private static final byte[][] BYTES = new byte[SLOTS][];

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
            byte[] bytes = word.getBytes(StandardCharsets.ISO_8859_1);
            int slot = slot(bytes, 0, bytes.length);
            while (TABLE[slot] != null) {
                slot = (slot + 1) & (SLOTS - 1);
            }
            TABLE[slot] = word;
            BYTES[slot] = bytes;
        }
    }

    private CommonWords() {
    }

    /** The common word {@code bytes[start..end)} spells (ISO 8859-1), or null when it is none. */
    static String word(byte[] bytes, int start, int end) {
        int length = end - start;
        for (int slot = slot(bytes, start, end); TABLE[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
            byte[] candidate = BYTES[slot];
            if (candidate.length == length && same(candidate, bytes, start)) {
                return TABLE[slot];
            }
        }
        return null;
    }

    private static boolean same(byte[] word, byte[] bytes, int start) {
        for (int i = 0; i < word.length; i++) {
            if (word[i] != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Never negative, so a mask finds the slot. */
    private static int slot(byte[] bytes, int start, int end) {
        int length = end - start;
        int hash = length * 31 + (bytes[start] & 0xff) * 7 + (bytes[end - 1] & 0xff) * 3
                + (bytes[start + length / 2] & 0xff);
        return hash & (SLOTS - 1);
    }
}
