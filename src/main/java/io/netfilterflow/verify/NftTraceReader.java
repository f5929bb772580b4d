package io.netfilterflow.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code nft monitor trace} output into the conformance format: a line for each rule that
 * decided (not {@code continue}) and each policy, with the packet as its base chain saw it; the
 * tracing table's own events are left out, as ../shared/kernel-truth/README.md describes.
 */
final class NftTraceReader {

    private static final Pattern EVENT = Pattern.compile("^trace id (\\S+) (\\S+) (\\S+) (\\S+) (.*)$");
    private static final Pattern VERDICT = Pattern.compile("^rule (.*) \\(verdict ([^)]*)\\).*$");
    private static final Pattern POLICY = Pattern.compile("^policy (accept|drop)\\b.*$");
    private static final Pattern REJECT = Pattern.compile(" rule .*\\breject\\b");
    private static final Pattern COUNTER = Pattern.compile("counter packets \\d+ bytes \\d+ ?");

    private final Map<String, String> packets = new HashMap<>();
    private final List<String> lines = new ArrayList<>();

    /**
     * Reads the monitor output of one replayed packet and what it caused. nft reports a rule's verdict
     * after its target ran, so a REJECT's answer is reported before the REJECT rule itself; the rule's
     * event is put back before its answer, the order legacy TRACE and the simulator give. (Trace ids
     * cannot tell the packets apart: the id hashes {@code skb_iif}, which changes on the way.)
     */
    void acceptWindow(List<String> window) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String raw : window) {
            Matcher event = EVENT.matcher(raw.strip());
            if (!event.matches()) {
                continue;
            }
            pending.add(raw);
            if (!event.group(5).startsWith("packet: ")) {
                blocks.add(pending);
                pending = new ArrayList<>();
            }
        }
        for (int k = 0; k < blocks.size(); k++) {
            int answer = rejectAnswerStart(blocks, k);
            if (answer >= 0) {
                blocks.add(answer, blocks.remove(k));
            }
        }
        blocks.forEach(block -> block.forEach(this::accept));
    }

    /** Where the answer of the REJECT in block {@code k} begins: its first event on the output hook, to the rejected packet's source. */
    private static int rejectAnswerStart(List<List<String>> blocks, int k) {
        String rejected = null;
        String id = blocks.get(k).get(0).strip().split("\\s+")[2];
        for (int back = k; back >= 0 && rejected == null; back--) {
            if (blocks.get(back).get(0).contains("trace id " + id + " ")) {
                rejected = field(blocks.get(back), "saddr");
            }
        }
        String last = blocks.get(k).get(blocks.get(k).size() - 1);
        if (rejected == null || !last.contains("(verdict drop)") || !REJECT.matcher(last).find()) {
            return -1;
        }
        for (int j = k - 1; j >= 0; j--) {
            String first = blocks.get(j).get(blocks.get(j).size() - 1);
            if (first.contains(" " + LabPlan.TRACE_TABLE + " pre ")) {
                return -1;
            }
            if (first.contains(" ip " + LabPlan.TRACE_TABLE + " out rule ")
                    && rejected.equals(field(blocks.get(j), "daddr"))) {
                return j;
            }
        }
        return -1;
    }

    /** {@code ip saddr}/{@code ip daddr} of the packet line in a block. */
    private static String field(List<String> block, String name) {
        for (String line : block) {
            int at = line.indexOf(" ip " + name + " ");
            if (line.contains(" packet: ") && at >= 0) {
                return line.substring(at + name.length() + 5).split("\\s+")[0];
            }
        }
        return null;
    }

    /** Reads one line of monitor output. */
    void accept(String raw) {
        Matcher event = EVENT.matcher(raw.strip());
        if (!event.matches() || event.group(3).equals(LabPlan.TRACE_TABLE)) {
            return;
        }
        String id = event.group(1);
        String where = event.group(2) + " " + event.group(3) + " " + event.group(4);
        String rest = event.group(5);
        if (rest.startsWith("packet: ")) {
            packets.put(id, packet(rest.substring("packet: ".length())));
        } else if (POLICY.matcher(rest).matches()) {
            lines.add(where + " policy " + POLICY.matcher(rest).replaceAll("$1") + " | " + packets.getOrDefault(id, "?"));
        } else {
            Matcher rule = VERDICT.matcher(rest);
            if (rule.matches() && !rule.group(2).equals("continue")) {
                String text = COUNTER.matcher(rule.group(1)).replaceAll("").strip();
                lines.add(where + " " + rule.group(2) + " | " + packets.getOrDefault(id, "?") + " | " + text);
            }
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** {@code iif "eth0" ... ip saddr A ip daddr B ... tcp sport 1 tcp dport 2} as {@code iif="eth0" A>B sport=1 dport=2}. */
    static String packet(String text) {
        String[] words = text.split("\\s+");
        String iif = null;
        String oif = null;
        String saddr = null;
        String daddr = null;
        String sport = null;
        String dport = null;
        String icmp = null;
        for (int i = 0; i + 1 < words.length; i++) {
            String word = words[i];
            String next = words[i + 1];
            if (word.equals("iif") && iif == null) {
                iif = next;
            } else if (word.equals("oif") && oif == null) {
                oif = next;
            } else if (word.equals("ip") && next.equals("saddr") && i + 2 < words.length && saddr == null) {
                saddr = words[i + 2];
            } else if (word.equals("ip") && next.equals("daddr") && i + 2 < words.length && daddr == null) {
                daddr = words[i + 2];
            } else if ((word.equals("tcp") || word.equals("udp")) && i + 2 < words.length) {
                if (next.equals("sport") && sport == null) {
                    sport = words[i + 2];
                } else if (next.equals("dport") && dport == null) {
                    dport = words[i + 2];
                }
            } else if (word.equals("icmp") && next.equals("type") && i + 2 < words.length && icmp == null) {
                icmp = words[i + 2];
            }
        }
        StringBuilder line = new StringBuilder();
        if (iif != null) {
            line.append("iif=").append(iif).append(' ');
        }
        if (oif != null) {
            line.append("oif=").append(oif).append(' ');
        }
        line.append(saddr).append('>').append(daddr);
        if (sport != null && dport != null) {
            line.append(" sport=").append(sport).append(" dport=").append(dport);
        } else if (icmp != null) {
            line.append(" icmp=").append(icmp);
        }
        return line.toString();
    }
}
