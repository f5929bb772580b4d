package io.netfilterflow.netfilter.save;

import java.util.List;

/**
 * The words nearly every rule repeats ({@code -A}, {@code -m}, {@code --comment}, ...), handed out
 * as shared strings instead of a new copy each time: big dumps are mostly these words.
 */
final class CommonWords {

    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];

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
            int slot = slot(word, 0, word.length());
            while (TABLE[slot] != null) {
                slot = (slot + 1) % SLOTS;
            }
            TABLE[slot] = word;
        }
    }

    private CommonWords() {
    }

    /** {@code text.substring(start, end)}, shared when it is a common word. */
    static String word(String text, int start, int end) {
        int length = end - start;
        for (int slot = slot(text, start, end); TABLE[slot] != null; slot = (slot + 1) % SLOTS) {
            String candidate = TABLE[slot];
            if (candidate.length() == length && text.regionMatches(start, candidate, 0, length)) {
                return candidate;
            }
        }
        return text.substring(start, end);
    }

    private static int slot(String text, int start, int end) {
        int length = end - start;
        int hash = length * 31 + text.charAt(start) * 7 + text.charAt(end - 1) * 3 + text.charAt(start + length / 2);
        return Math.floorMod(hash, SLOTS);
    }
}
