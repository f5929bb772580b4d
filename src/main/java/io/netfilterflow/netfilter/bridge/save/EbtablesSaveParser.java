package io.netfilterflow.netfilter.bridge.save;

import io.netfilterflow.netfilter.bridge.EbtTable;
import io.netfilterflow.netfilter.bridge.EbtTableName;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.save.NftJumpLimit;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.ShellWords;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ebtables-save} output into an {@link EbtablesRuleset}: tables start with
 * {@code *name} and run to the next table or the end (ebtables-save writes no COMMIT).
 */
public final class EbtablesSaveParser {

    private final List<EbtTable> tables = new ArrayList<>();
    private final Set<EbtTableName> seen = EnumSet.noneOf(EbtTableName.class);
    private EbtTableBuilder current;

    private final Backend backend;

    private EbtablesSaveParser(Backend backend) {
        this.backend = backend;
    }

    /** The ruleset as ebtables-legacy-restore loads it. */
    public static EbtablesRuleset parse(String text) {
        return parse(text, Backend.LEGACY);
    }

    /** The ruleset as the backend's restore loads it: nf_tables also refuses jumps too deep ({@link NftJumpLimit}). */
    public static EbtablesRuleset parse(String text, Backend backend) {
        EbtablesSaveParser parser = new EbtablesSaveParser(backend);
        SourceLine.forEach(text, parser::line);
        parser.close();
        return new EbtablesRuleset(parser.tables);
    }

    private void line(SourceLine line) {
        String text = line.text().strip();
        if (text.isEmpty() || text.charAt(0) == '#') {
            return;
        }
        char first = text.charAt(0);
        if (first == '*') {
            close();
            open(line, text.substring(1).strip());
        } else if (text.equals("COMMIT")) {
            close();
        } else if (first == ':') {
            List<String> words = ShellWords.split(line);
            if (words.size() != 2 || words.get(0).length() < 2) {
                throw new RulesSyntaxException(line, Problem.of("bridge.chain-line-syntax"));
            }
            table(line).declare(line, words.get(0).substring(1), words.get(1));
        } else if (first == '-' || first == '[') {
            rule(line);
        } else {
            throw new RulesSyntaxException(line, Problem.of("bridge.unexpected-line"));
        }
    }

    private void open(SourceLine line, String name) {
        EbtTableName table = EbtTableName.bySaveName(name);
        if (table == null) {
            throw new RulesSyntaxException(line, Problem.of("bridge.unknown-table", name));
        }
        if (!seen.add(table)) {
            throw new RulesSyntaxException(line, Problem.of("bridge.table-twice", name));
        }
        current = new EbtTableBuilder(table, backend);
    }

    private void close() {
        if (current != null) {
            tables.add(current.build());
            current = null;
        }
    }

    /** {@code -A CHAIN ...}, after {@code [packets:bytes]} where ebtables-nft's {@code ebtables-save -c} puts them. */
    private void rule(SourceLine line) {
        EbtTableBuilder table = table(line);
        List<String> words = ShellWords.split(line);
        Counters counters = null;
        int at = 0;
        if (!words.isEmpty() && words.get(0).startsWith("[")) {
            try {
                counters = Counters.parseBracketed(words.get(0));
            } catch (IllegalArgumentException e) {
                throw new RulesSyntaxException(line, Problem.of(e));
            }
            at = 1;
        }
        if (words.size() < at + 2 || !(words.get(at).equals("-A") || words.get(at).equals("--append"))) {
            throw new RulesSyntaxException(line, Problem.of("bridge.rule-syntax"));
        }
        table.add(line, words.get(at + 1), new EbtRuleParser(line, words, at + 2, counters).parse());
    }

    private EbtTableBuilder table(SourceLine line) {
        if (current == null) {
            throw new RulesSyntaxException(line, Problem.of("bridge.no-table"));
        }
        return current;
    }
}
