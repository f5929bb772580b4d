package io.netfilterflow.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Pattern NFTRACE = Pattern.compile("\\bnftrace set 1\\b");
    private static final Pattern COUNTER = Pattern.compile("counter packets \\d+ bytes \\d+ ?");

    private final Map<String, String> packets = new HashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final Set<String> tracing = new LinkedHashSet<>();

    /**
     * Reads one line of monitor output. Lines are kept in the kernel's order: nft reports a rule's verdict
     * after its target ran, so a REJECT rule comes after the part of its answer that the kernel sent
     * before returning from the target. (Trace ids cannot tell the packets apart: the id hashes
     * {@code skb_iif}, which changes on the way.) False when the line is not a trace event.
     */
    boolean accept(String raw) {
        Matcher event = EVENT.matcher(raw.strip());
        if (!event.matches()) {
            return false;
        }
        if (event.group(3).equals(LabPlan.TRACE_TABLE)) {
            return true;
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
            if (rule.matches() && NFTRACE.matcher(rule.group(1)).find()) {
                tracing.add(event.group(2) + " " + event.group(3));
            }
            if (rule.matches() && !rule.group(2).equals("continue")) {
                String text = COUNTER.matcher(rule.group(1)).replaceAll("").strip();
                lines.add(where + " " + rule.group(2) + " | " + packets.getOrDefault(id, "?") + " | " + text);
            }
        }
        return true;
    }

    /** Whether the line is an event of {@code nft monitor trace}: {@code trace id ID FAMILY TABLE CHAIN ...}. */
    static boolean isTraceLine(String raw) {
        return EVENT.matcher(raw.strip()).matches();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** The tables ({@code ip trace_debug}) with a rule that turns tracing on: {@code meta nftrace set 1}. */
    Set<String> tracingTables() {
        return Set.copyOf(tracing);
    }

    int size() {
        return lines.size();
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
