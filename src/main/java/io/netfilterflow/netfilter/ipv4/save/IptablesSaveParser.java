package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.ShellWords;
import io.netfilterflow.netfilter.save.SourceLine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code iptables-save} output, or {@code iptables-restore} input, into an
 * {@link IptablesRuleset}. All or nothing: the first error stops it with the line and the reason.
 */
public final class IptablesSaveParser {

    private final List<IptTable> tables = new ArrayList<>();
    private final Set<IptTableName> seen = EnumSet.noneOf(IptTableName.class);
    private TableBuilder current;

    private IptablesSaveParser() {
    }

    public static IptablesRuleset parse(String text) {
        IptablesSaveParser parser = new IptablesSaveParser();
        int number = SourceLine.forEach(text, parser::line);
        if (parser.current != null) {
            throw new RulesSyntaxException(Math.max(number, 1), "table " + parser.current.name().saveName()
                    + " is not closed with COMMIT");
        }
        return new IptablesRuleset(parser.tables);
    }

    private void line(SourceLine line) {
        String text = line.text().strip();
        if (text.isEmpty() || text.charAt(0) == '#') {
            return;
        }
        char first = text.charAt(0);
        if (first == '*') {
            openTable(line, text.substring(1));
        } else if (first == ':') {
            declareChain(line);
        } else if (text.equals("COMMIT")) {
            commit(line);
        } else if (first == '-' || first == '[') {
            command(line);
        } else {
            throw new RulesSyntaxException(line, "unexpected line (expected *table, :chain, a rule or COMMIT)");
        }
    }

    private void openTable(SourceLine line, String name) {
        if (current != null) {
            throw new RulesSyntaxException(line, "table " + current.name().saveName()
                    + " is not closed with COMMIT before *" + name);
        }
        IptTableName table = IptTableName.bySaveName(name.strip());
        if (table == null) {
            throw new RulesSyntaxException(line, "unknown table '" + name + "' (filter, nat, mangle, raw, security)");
        }
        if (!seen.add(table)) {
            throw new RulesSyntaxException(line, "table " + name + " appears twice");
        }
        current = new TableBuilder(table);
    }

    private void declareChain(SourceLine line) {
        TableBuilder table = requireTable(line);
        List<String> words = ShellWords.split(line);
        if (words.size() < 2 || words.size() > 3 || words.get(0).length() < 2) {
            throw new RulesSyntaxException(line, "a chain line is ':NAME POLICY [packets:bytes]'");
        }
        Counters counters = null;
        if (words.size() == 3) {
            try {
                counters = Counters.parseBracketed(words.get(2));
            } catch (IllegalArgumentException e) {
                throw new RulesSyntaxException(line, e.getMessage());
            }
        }
        table.declare(line, words.get(0).substring(1), words.get(1), counters);
    }

    private void commit(SourceLine line) {
        TableBuilder table = requireTable(line);
        tables.add(table.build());
        current = null;
    }

    private void command(SourceLine line) {
        TableBuilder table = requireTable(line);
        List<String> words = ShellWords.split(line);
        int i = 0;
        Counters counters = null;
        if (words.get(0).startsWith("[")) {
            try {
                counters = Counters.parseBracketed(words.get(0));
            } catch (IllegalArgumentException e) {
                throw new RulesSyntaxException(line, e.getMessage());
            }
            i = 1;
        }
        if (words.size() < i + 2) {
            throw new RulesSyntaxException(line, "a rule is '-A CHAIN ...'");
        }
        String command = words.get(i);
        String chain = words.get(i + 1);
        switch (command) {
            case "-A", "--append" ->
                    table.add(line, chain, new IptRuleParser(line, words, i + 2, counters).parse(), -1);
            case "-I", "--insert" -> insert(line, table, words, i, counters);
            case "-N", "--new-chain" -> {
                if (words.size() != i + 2) {
                    throw new RulesSyntaxException(line, "-N takes only a chain name");
                }
                table.newChain(line, chain);
            }
            default -> throw new RulesSyntaxException(line, "unsupported command '" + command
                    + "' (iptables-save input has -A; -I and -N are also read)");
        }
    }

    private void insert(SourceLine line, TableBuilder table, List<String> words, int i, Counters counters) {
        int start = i + 2;
        int position = 1;
        if (words.size() > start && words.get(start).chars().allMatch(Character::isDigit)) {
            position = Integer.parseInt(words.get(start));
            if (position < 1) {
                throw new RulesSyntaxException(line, "rule positions start at 1");
            }
            start++;
        }
        table.add(line, words.get(i + 1), new IptRuleParser(line, words, start, counters).parse(), position);
    }

    private TableBuilder requireTable(SourceLine line) {
        if (current == null) {
            throw new RulesSyntaxException(line, "no table selected (a '*filter' line must come first)");
        }
        return current;
    }
}
