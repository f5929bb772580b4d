package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SharedValues;
import io.netfilterflow.netfilter.save.ShellWords;
import io.netfilterflow.netfilter.save.SourceLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -A} rules of a large dump's later part, read on a thread of their own while the parser reads the part
 * before: a command on the command line has a second core, and a dump is mostly such lines, each read without its
 * table. The parser still takes every line in order and adds each rule to its table itself, so a dump is refused at
 * the same first line, for the same reason, as when the parser reads alone; a rule read ahead only saves it the
 * reading. A line this reader does not take on ({@code -I}, a chain, {@code COMMIT}, ...) the parser reads itself.
 */
final class RuleReadAhead implements Runnable {

    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;

    /** Below this, a dump is read before a second thread would have paid for itself. */
    static final int MIN_CHARS = 1 << 20;
    /**
     * Above this (where the quick start compiles with C2), no gain was measured: 1.61 s against 1.68 s for 430k
     * lines, within noise, and 30 MB more at the peak (298 MB against 268), as read rules wait for the parser.
     */
    static final int MAX_CHARS = 12 << 20;
    /**
     * Where the later part starts. The parser also adds every rule to its table, yet half is fastest: measured on
     * 70k lines, from 25 to 70 %, the parser waits a little at 45 % and is left with work at 55 %.
     */
    private static final int PERCENT_LEFT_TO_PARSER = 50;

    private final String text;
    /** The parser's copy of the text as bytes, read here too; null when lines are copied one by one. */
    private final byte[] bytes;
    private final int from;
    private final Object lock = new Object();
    private volatile boolean stopped;
    /** How many lines are handed over; what they hold is written before this is. */
    private volatile int done;
    private volatile boolean finished;
    /** The number of the first line read here, and what each line came to; set before {@link #done} first moves. */
    private volatile int first = -1;
    /**
     * Per line, in chunks made as the reading goes: the chain a rule is appended to, and an {@link IptRule}, the
     * {@link RulesSyntaxException} its line met, or null when the parser reads the line itself.
     */
    private String[][] chains;
    private Object[][] outcomes;
    /** Per line, the line itself: the parser takes it from here, not finding it in the text again. */
    private SourceLine[][] lines;

    private RuleReadAhead(String text, byte[] bytes) {
        this.text = text;
        this.bytes = bytes;
        this.from = SourceLine.nextLineStart(text, (int) ((long) text.length() * PERCENT_LEFT_TO_PARSER / 100));
    }

    /** A reader of the later part on a thread of its own, or null when the text is too small to be worth one. */
    static RuleReadAhead startFor(String text, byte[] bytes) {
        if (text.length() < MIN_CHARS || text.length() > MAX_CHARS || Runtime.getRuntime().availableProcessors() < 2) {
            return null;
        }
        RuleReadAhead reader = new RuleReadAhead(text, bytes);
        Thread thread = new Thread(reader, "rules-read-ahead");
        thread.setDaemon(true);
        thread.start();
        return reader;
    }

    @Override
    public void run() {
        try {
            int number = SourceLine.numberAt(text, from);
            int chunks = ((text.length() - from) >> CHUNK_BITS) + 1; // a line has a character at least
            chains = new String[chunks][];
            outcomes = new Object[chunks][];
            lines = new SourceLine[chunks][];
            first = number;
            Reading reading = new Reading();
            SourceLine.forEachFrom(text, from, number, reading::read);
            done = reading.index;
        } catch (RuntimeException | Error e) {
            // this reader's own failure: the parser reads the lines it did not hand over
        } finally {
            finished = true;
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Where the lines read here start in the text. */
    int from() {
        return from;
    }

    /** The line of this number, as read here; null when this reader ended before it (the parser reads on itself). */
    SourceLine line(int number) {
        int index = handedOver(number);
        return index < 0 ? null : taken(lines, index);
    }

    /** What was read ahead for the line: its rule, the refusal it met, or null when the parser reads it itself. */
    Object take(int number) {
        int index = handedOver(number);
        return index < 0 ? null : taken(outcomes, index); // the model keeps the rule; this reader need not
    }

    /** The chain a rule taken by {@link #take} is appended to. */
    String chain(int number) {
        return taken(chains, number - first);
    }

    /** The line's place among those read here, once it is handed over (waited for); -1 when this reader ended first. */
    private int handedOver(int number) {
        int at = awaitFirst();
        if (at < 0 || number < at) {
            return -1;
        }
        int index = number - at;
        return index < done || await(index) ? index : -1;
    }

    /** What the chunks hold at the index, left null there. */
    private static <T> T taken(T[][] chunks, int index) {
        T[] chunk = chunks[index >> CHUNK_BITS];
        T value = chunk[index & (CHUNK - 1)];
        chunk[index & (CHUNK - 1)] = null;
        return value;
    }

    /** Ends the reading: the parser is done, or refused the dump before the lines read here. */
    void stop() {
        stopped = true;
    }

    private int awaitFirst() {
        if (first < 0 && !finished) {
            synchronized (lock) {
                while (first < 0 && !finished) {
                    if (!waitOnLock()) {
                        return -1;
                    }
                }
            }
        }
        return first;
    }

    /** Whether the line at {@code index} is handed over, waiting for it while this reader goes on. */
    private boolean await(int index) {
        synchronized (lock) {
            while (index >= done && !finished) {
                if (!waitOnLock()) {
                    return false;
                }
            }
        }
        return index < done;
    }

    private boolean waitOnLock() {
        try {
            lock.wait();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // the parser reads the rest itself
        }
    }

    /** The reading thread's own state: its words, its shared values and its chain names. */
    private final class Reading {
        /** Lines are handed over in batches: the parser is woken once a batch, not once a line. */
        private static final int BATCH = 256;

        private final List<String> words = new ArrayList<>(32);
        private final SharedValues shared = new SharedValues();
        private final Map<String, String> names = new HashMap<>();
        private int index;

        boolean read(SourceLine line) {
            if (stopped) {
                return false;
            }
            if ((index & (CHUNK - 1)) == 0) {
                chains[index >> CHUNK_BITS] = new String[CHUNK];
                outcomes[index >> CHUNK_BITS] = new Object[CHUNK];
                lines[index >> CHUNK_BITS] = new SourceLine[CHUNK];
            }
            lines[index >> CHUNK_BITS][index & (CHUNK - 1)] = line;
            Object outcome;
            try {
                outcome = rule(line);
            } catch (RulesSyntaxException refused) {
                outcome = refused;
            }
            outcomes[index >> CHUNK_BITS][index & (CHUNK - 1)] = outcome;
            index++;
            if (index % BATCH == 0) {
                done = index;
                synchronized (lock) {
                    lock.notifyAll();
                }
            }
            return true;
        }

        /** The line's rule when it appends one, as {@code IptablesSaveParser.command} reads it; else null. */
        private IptRule rule(SourceLine line) {
            int first = line.firstVisible();
            if (first != '-' && first != '[') {
                return null;
            }
            List<String> words = ShellWords.split(line, this.words, bytes);
            Counters counters;
            try {
                counters = IptablesSaveParser.leadingCounters(line, words);
            } catch (RulesSyntaxException e) {
                return null; // the parser refuses it
            }
            int i = counters == null ? 0 : 1;
            if (words.size() <= i + 1 || !words.get(i).equals("-A") && !words.get(i).equals("--append")) {
                return null;
            }
            chains[index >> CHUNK_BITS][index & (CHUNK - 1)] = words.get(i + 1);
            return new IptRuleParser(line, words, i + 2, counters, shared, this::name).parse();
        }

        /** One string for each chain name this reader's jumps name. */
        private String name(String chain) {
            String seen = names.putIfAbsent(chain, chain);
            return seen != null ? seen : chain;
        }
    }
}
