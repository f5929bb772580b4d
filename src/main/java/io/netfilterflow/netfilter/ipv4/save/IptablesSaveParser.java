package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptTableName;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SharedValues;
import io.netfilterflow.netfilter.save.ShellWords;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code iptables-save} output, or {@code iptables-restore} input, into an
 * {@link IptablesRuleset}. All or nothing: the first error stops it with the line and the reason.
 */
public final class IptablesSaveParser {

    /**
     * Up to this size a text is copied once as bytes for splitting its lines, not once a line. Above it, that copy
     * would be the largest thing at the peak (46 MB for a dump of 430k lines), where memory is what counts.
     */
    private static final int MAX_CHARS_COPIED = 12 << 20;

    private final Backend backend;
    private final SharedValues shared = new SharedValues();
    /** The words of the line being read, one list for all. */
    private final List<String> words = new ArrayList<>(32);
    private final List<IptTable> tables = new ArrayList<>();
    private final Set<IptTableName> seen = EnumSet.noneOf(IptTableName.class);
    private TableBuilder current;
    /** The later rules, read on a second thread; null when this parser reads every line itself. */
    private final RuleReadAhead ahead;
    /** The text as bytes, for splitting its lines ({@link ShellWords#bytesOf}); null when each line is copied. */
    private final byte[] bytes;

    private IptablesSaveParser(Backend backend, RuleReadAhead ahead, byte[] bytes) {
        this.backend = backend;
        this.ahead = ahead;
        this.bytes = bytes;
    }

    /** The ruleset as x_tables (iptables-legacy-restore) loads it. */
    public static IptablesRuleset parse(String text) {
        return parse(text, Backend.LEGACY);
    }

    /** The ruleset as the backend's restore loads it: nf_tables also refuses jumps too deep ({@link NftJumpLimit}). */
    public static IptablesRuleset parse(String text, Backend backend) {
        return parse(text, backend, null, bytesOf(text));
    }

    private static byte[] bytesOf(String text) {
        return text.length() <= MAX_CHARS_COPIED ? ShellWords.bytesOf(text) : null;
    }

    /**
     * The ruleset as x_tables loads it, a large text's later rules read on a second thread meanwhile: for a command
     * that reads one dump on a machine of its own. The server reads on one thread, beside other requests.
     */
    public static IptablesRuleset parseReadingAhead(String text) {
        return parseReadingAhead(text, null);
    }

    /**
     * As {@link #parseReadingAhead(String)}, for a text read from an ASCII file, given with the bytes it was read into
     * (each character is the byte at its index; null when there are none): its lines are split in those.
     */
    public static IptablesRuleset parseReadingAhead(String text, byte[] ascii) {
        byte[] bytes = ascii != null && text.length() <= MAX_CHARS_COPIED ? ascii : bytesOf(text);
        return parse(text, Backend.LEGACY, RuleReadAhead.startFor(text, bytes), bytes);
    }

    private static IptablesRuleset parse(String text, Backend backend, RuleReadAhead ahead, byte[] bytes) {
        IptablesSaveParser parser = new IptablesSaveParser(backend, ahead, bytes);
        int number;
        try {
            number = ahead == null ? SourceLine.forEach(text, parser::line) : parser.readWithAhead(text);
        } finally {
            if (ahead != null) {
                ahead.stop();
            }
        }
        if (parser.current != null) {
            throw new RulesSyntaxException(Math.max(number, 1), Problem.of("rules.table-not-committed",
                    parser.current.name().saveName()));
        }
        return new IptablesRuleset(parser.tables);
    }

    /**
     * The lines before the later part, found here; then the later part's lines as the second thread found them, so
     * that no line is looked for twice; then, should that thread have ended early, the lines it did not hand over.
     */
    private int readWithAhead(String text) {
        int number = SourceLine.forEachBefore(text, ahead.from(), this::line);
        int resume = ahead.from();
        for (SourceLine line = ahead.line(number + 1); line != null; line = ahead.line(number + 1)) {
            line(line);
            number = line.number();
            resume = line.nextStart();
        }
        return SourceLine.forEachFrom(text, resume, number + 1, line -> {
            line(line);
            return true;
        });
    }

    private void line(SourceLine line) {
        int first = line.firstVisible(); // the line is not copied: most are rules, read in place
        if (first < 0 || first == '#') {
            return;
        }
        if (first == '*') {
            openTable(line, line.text().strip().substring(1));
        } else if (first == ':') {
            declareChain(line);
        } else if (first == '-' || first == '[') {
            command(line);
        } else if (line.is("COMMIT")) {
            commit(line);
        } else {
            throw new RulesSyntaxException(line, Problem.of("rules.unexpected-line"));
        }
    }

    private void openTable(SourceLine line, String name) {
        if (current != null) {
            throw new RulesSyntaxException(line, Problem.of("rules.table-not-committed-before",
                    current.name().saveName(), name));
        }
        IptTableName table = IptTableName.bySaveName(name.strip());
        if (table == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.unknown-table", name));
        }
        if (!seen.add(table)) {
            throw new RulesSyntaxException(line, Problem.of("rules.table-twice", name));
        }
        current = new TableBuilder(table, backend);
    }

    private void declareChain(SourceLine line) {
        TableBuilder table = requireTable(line);
        List<String> words = ShellWords.split(line, this.words, bytes);
        if (words.size() < 2 || words.size() > 3 || words.get(0).length() < 2) {
            throw new RulesSyntaxException(line, Problem.of("rules.chain-line"));
        }
        Counters counters = null;
        if (words.size() == 3) {
            try {
                counters = Counters.parseBracketed(words.get(2));
            } catch (IllegalArgumentException e) {
                throw new RulesSyntaxException(line, Problem.of(e));
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
        if (ahead != null) {
            Object read = ahead.take(line.number());
            if (read instanceof RulesSyntaxException refused) {
                throw refused;
            }
            if (read instanceof IptRule rule) {
                table.add(line, ahead.chain(line.number()), rule, -1); // as chainCommand appends
                return;
            }
        }
        List<String> words = ShellWords.split(line, this.words, bytes);
        Counters counters = leadingCounters(line, words);
        int i = counters == null ? 0 : 1;
        if (words.size() <= i) {
            throw new RulesSyntaxException(line, Problem.of("rules.counter-without-command"));
        }
        String command = words.get(i);
        String chain = words.size() > i + 1 ? words.get(i + 1) : null;
        switch (command) {
            case "-F", "--flush" -> table.flush(line, only(line, words, i, 2));
            case "-X", "--delete-chain" -> table.deleteChain(line, only(line, words, i, 2));
            default -> {
                if (chain == null) {
                    throw new RulesSyntaxException(line, Problem.of("rules.command-needs-chain", command));
                }
                chainCommand(line, table, words, i, counters);
            }
        }
    }

    private void chainCommand(SourceLine line, TableBuilder table, List<String> words, int i, Counters counters) {
        String command = words.get(i);
        String chain = words.get(i + 1);
        switch (command) {
            case "-A", "--append" -> table.add(line, chain, rule(line, words, i + 2, counters), -1);
            case "-I", "--insert" -> {
                int position = position(line, words, i + 2);
                IptRule rule = rule(line, words, i + 2 + (position > 0 ? 1 : 0), counters);
                table.add(line, chain, rule, Math.max(position, 1));
            }
            case "-D", "--delete" -> {
                int position = position(line, words, i + 2);
                if (position > 0) {
                    only(line, words, i, 3);
                    table.delete(line, chain, position, null);
                } else {
                    table.delete(line, chain, -1, rule(line, words, i + 2, null));
                }
            }
            case "-R", "--replace" -> {
                int position = position(line, words, i + 2);
                if (position < 1) {
                    throw new RulesSyntaxException(line, Problem.of("rules.replace-needs-number"));
                }
                table.delete(line, chain, position, null);
                table.add(line, chain, rule(line, words, i + 3, counters), position);
            }
            case "-N", "--new-chain" -> table.newChain(line, only(line, words, i, 2));
            case "-P", "--policy" -> {
                if (words.size() != i + 3) {
                    throw new RulesSyntaxException(line, Problem.of("rules.policy-command-words"));
                }
                table.policy(line, chain, words.get(i + 2), counters);
            }
            default -> throw new RulesSyntaxException(line, Problem.of("rules.unsupported-command", command));
        }
    }

    /** The counters a command's line starts with ({@code [packets:bytes] -A ...}), or null when it has none. */
    static Counters leadingCounters(SourceLine line, List<String> words) {
        if (!words.get(0).startsWith("[")) {
            return null;
        }
        try {
            return Counters.parseBracketed(words.get(0));
        } catch (IllegalArgumentException e) {
            throw new RulesSyntaxException(line, Problem.of(e));
        }
    }

    private IptRule rule(SourceLine line, List<String> words, int start, Counters counters) {
        return new IptRuleParser(line, words, start, counters, shared, current::chainName).parse();
    }

    /** A rule number after the chain name, or 0 when the rule itself follows. */
    private static int position(SourceLine line, List<String> words, int at) {
        if (words.size() <= at || words.get(at).isEmpty() || !words.get(at).chars().allMatch(Character::isDigit)) {
            return 0;
        }
        try {
            int position = Integer.parseInt(words.get(at));
            if (position >= 1) {
                return position;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new RulesSyntaxException(line, Problem.of("rules.rule-number-from-one", words.get(at)));
    }

    /** The optional chain name of a command that takes nothing more; null when absent. */
    private static String only(SourceLine line, List<String> words, int i, int maxWords) {
        if (words.size() > i + maxWords) {
            throw new RulesSyntaxException(line, maxWords == 2 ? Problem.of("rules.takes-only-chain", words.get(i))
                    : Problem.of("rules.takes-only-chain-and-number", words.get(i)));
        }
        return words.size() > i + 1 ? words.get(i + 1) : null;
    }

    private TableBuilder requireTable(SourceLine line) {
        if (current == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.no-table"));
        }
        return current;
    }
}
