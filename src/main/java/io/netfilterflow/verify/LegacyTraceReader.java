package io.netfilterflow.verify;

import io.netfilterflow.netfilter.ipv4.IptChain;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.MasqueradeTarget;
import io.netfilterflow.netfilter.xtables.target.NatTarget;
import io.netfilterflow.netfilter.xtables.target.NfqueueTarget;
import io.netfilterflow.netfilter.xtables.target.RedirectTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import io.netfilterflow.packet.IcmpTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns x_tables TRACE lines from the kernel log ({@code TRACE: filter:FORWARD:rule:3 IN=...}, see
 * {@code trace_packet} in ip_tables.c) into the conformance format. The log names the rule by its
 * number in the chain; its verdict comes from the loaded ruleset. Rules that let the packet go on and
 * the implicit return at the end of a user chain produce no line, as with nft.
 */
final class LegacyTraceReader {

    private static final Pattern TRACE = Pattern.compile("TRACE: ([^:]+):([^:]+):(rule|return|policy):(\\d+) (.*)$");

    private final IptablesRuleset rules;
    private final List<String> lines = new ArrayList<>();

    LegacyTraceReader(IptablesRuleset rules) {
        this.rules = rules;
    }

    /**
     * Reads one kernel log message; anything that is not a TRACE line is ignored (false). A rule the ruleset
     * does not have (a log from another ruleset) becomes a line of its own, {@code rule N}, never a guess.
     */
    boolean accept(String message) {
        Matcher trace = TRACE.matcher(message);
        if (!trace.find()) {
            return false;
        }
        String tableName = trace.group(1);
        String chainName = trace.group(2);
        String type = trace.group(3);
        int number = Integer.parseInt(trace.group(4));
        String where = "ip " + tableName + " " + chainName + " ";
        String packet = packet(trace.group(5));
        IptChain chain = chain(tableName, chainName);
        int rules = chain == null ? 0 : chain.rules().size();
        // get_chainname_rulenum() calls an unconditional standard rule "policy" or "return" too: the number tells
        if (number >= 1 && number <= rules) {
            IptRule rule = chain.rules().get(number - 1);
            String verdict = verdict(rule.target());
            if (verdict != null) {
                lines.add(where + verdict + " | " + packet + " | " + rule.source().text().strip());
            }
        } else if (type.equals("policy")) {
            boolean drop = chain != null && chain.policy() == StandardTarget.DROP;
            lines.add(where + (drop ? "policy drop" : "policy accept") + " | " + packet);
        } else if (type.equals("rule")) {
            lines.add(where + "rule " + number + " | " + packet);
        }
        return true;
    }

    /** Whether the message is an x_tables TRACE line ({@code TRACE: filter:FORWARD:rule:3 ...}). */
    static boolean isTraceLine(String message) {
        return TRACE.matcher(message).find();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    int size() {
        return lines.size();
    }

    /** The verdict nft would report for a rule with this target; null when the packet goes on. */
    static String verdict(XtTarget target) {
        if (target instanceof ChainJump jump) {
            return (jump.isGoto() ? "goto " : "jump ") + jump.chain();
        }
        if (target instanceof StandardTarget standard) {
            return switch (standard) {
                case ACCEPT -> "accept";
                case DROP -> "drop";
                case RETURN -> "return";
                case QUEUE -> "queue";
            };
        }
        if (target instanceof RejectTarget) {
            return "drop";
        }
        if (target instanceof NfqueueTarget) {
            return "queue";
        }
        if (target instanceof DnatTarget || target instanceof SnatTarget || target instanceof MasqueradeTarget
                || target instanceof RedirectTarget || target instanceof NatTarget) {
            return "accept";
        }
        return null;
    }

    private IptChain chain(String tableName, String chainName) {
        IptTableName name = IptTableName.bySaveName(tableName);
        IptTable table = name == null ? null : rules.table(name);
        return table == null ? null : table.chain(chainName);
    }

    /** {@code IN=eth0 OUT= SRC=a DST=b ... PROTO=TCP SPT=1 DPT=2} as {@code iif="eth0" a>b sport=1 dport=2}. */
    static String packet(String text) {
        int quote = text.indexOf('[');
        Map<String, String> fields = new HashMap<>();
        for (String word : (quote < 0 ? text : text.substring(0, quote)).split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.putIfAbsent(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        StringBuilder line = new StringBuilder();
        if (!fields.getOrDefault("IN", "").isEmpty()) {
            line.append("iif=\"").append(fields.get("IN")).append("\" ");
        }
        if (!fields.getOrDefault("OUT", "").isEmpty()) {
            line.append("oif=\"").append(fields.get("OUT")).append("\" ");
        }
        line.append(fields.get("SRC")).append('>').append(fields.get("DST"));
        if (fields.containsKey("SPT") && fields.containsKey("DPT")) {
            line.append(" sport=").append(fields.get("SPT")).append(" dport=").append(fields.get("DPT"));
        } else if ("ICMP".equals(fields.get("PROTO")) && fields.containsKey("TYPE")) {
            line.append(" icmp=").append(IcmpTypes.name(Integer.parseInt(fields.get("TYPE"))));
        }
        return line.toString();
    }
}
