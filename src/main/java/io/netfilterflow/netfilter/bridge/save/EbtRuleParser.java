package io.netfilterflow.netfilter.bridge.save;

import io.netfilterflow.net.InterfaceName;
import io.netfilterflow.netfilter.bridge.EbtChainJump;
import io.netfilterflow.netfilter.bridge.EbtEntry;
import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtProtocol;
import io.netfilterflow.netfilter.bridge.EbtRule;
import io.netfilterflow.netfilter.bridge.EbtStandardTarget;
import io.netfilterflow.netfilter.bridge.EbtTarget;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.bridge.MacMask;
import io.netfilterflow.netfilter.bridge.ebt.EbtRegistry;
import io.netfilterflow.netfilter.bridge.ebt.EbtUnsupportedMatch;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the rule part of one ebtables {@code -A CHAIN ...} line: the entry options, then each
 * {@code --option} handed to the target, match or watcher whose name it is. {@code !} may stand
 * before an option or, as ebtables-save writes it, between the option and its value.
 */
final class EbtRuleParser {

    private final SourceLine line;
    private final List<String> words;
    private int next;
    private boolean negate;

    private Negatable<EbtProtocol> protocol;
    private Negatable<MacMask> source;
    private Negatable<MacMask> destination;
    private Negatable<InterfaceName> in;
    private Negatable<InterfaceName> logicalIn;
    private Negatable<InterfaceName> out;
    private Negatable<InterfaceName> logicalOut;
    private final Map<XtExtension<?>, ExtensionArgs> matches = new LinkedHashMap<>();
    private final Map<XtExtension<?>, ExtensionArgs> watchers = new LinkedHashMap<>();
    private final Map<String, List<String>> unsupported = new LinkedHashMap<>();
    private String targetName;
    private XtExtension<? extends EbtTarget> targetExtension;
    private ExtensionArgs targetArgs;
    private Counters counters;

    EbtRuleParser(SourceLine line, List<String> words, int start, Counters counters) {
        this.line = line;
        this.words = words;
        this.next = start;
        this.counters = counters;
    }

    EbtRule parse() {
        while (next < words.size()) {
            String word = words.get(next++);
            if (word.equals("!")) {
                negate = true;
                continue;
            }
            option(word);
        }
        if (negate) {
            throw error(Problem.of("bridge.negation-at-end"));
        }
        List<EbtMatch> builtMatches = new ArrayList<>();
        matches.forEach((extension, args) -> builtMatches.add((EbtMatch) extension.create(args)));
        unsupported.forEach((name, kept) -> builtMatches.add(new EbtUnsupportedMatch(name, kept)));
        List<EbtWatcher> builtWatchers = new ArrayList<>();
        watchers.forEach((extension, args) -> builtWatchers.add((EbtWatcher) extension.create(args)));
        EbtEntry entry = new EbtEntry(protocol, source, destination, in, logicalIn, out, logicalOut);
        ProtocolRequirement.check(line, entry, builtMatches);
        return new EbtRule(entry, builtMatches, builtWatchers, target(), counters, line);
    }

    private EbtTarget target() {
        if (targetName == null) {
            return new EbtStandardTarget(EbtVerdict.CONTINUE); // no -j: the rule only counts and watches
        }
        if (targetExtension != null) {
            return targetExtension.create(targetArgs);
        }
        EbtVerdict verdict = EbtVerdict.byName(targetName);
        return verdict != null ? new EbtStandardTarget(verdict) : new EbtChainJump(targetName);
    }

    private void option(String word) {
        switch (word) {
            case "-p", "--protocol", "--proto" -> protocol = once(protocol, word, value(word, EbtProtocol::parse));
            case "-s", "--source", "--src" -> source = once(source, word, value(word, MacMask::parse));
            case "-d", "--destination", "--dst" -> destination = once(destination, word, value(word, MacMask::parse));
            case "-i", "--in-interface", "--in-if" -> in = once(in, word, value(word, InterfaceName::new));
            case "--logical-in" -> logicalIn = once(logicalIn, word, value(word, InterfaceName::new));
            case "-o", "--out-interface", "--out-if" -> out = once(out, word, value(word, InterfaceName::new));
            case "--logical-out" -> logicalOut = once(logicalOut, word, value(word, InterfaceName::new));
            case "-j", "--jump" -> jump(word);
            case "-c", "--set-counters" -> counters = once(counters, word, new Counters(count(word), count(word)));
            default -> extensionOption(word);
        }
    }

    private <T> T once(T previous, String option, T value) {
        if (previous != null) {
            throw error(Problem.of("bridge.option-given-twice", option));
        }
        return value;
    }

    private String raw(String option) {
        if (next >= words.size()) {
            throw error(Problem.of("bridge.option-needs-value", option));
        }
        String value = words.get(next++);
        if (value.equals("!")) {
            if (negate) {
                throw error(Problem.of("bridge.negation-given-twice"));
            }
            negate = true;
            return raw(option);
        }
        return value;
    }

    private <T> Negatable<T> value(String option, Function<String, T> parser) {
        String text = raw(option);
        try {
            T parsed = parser.apply(text);
            boolean inverted = negate;
            negate = false;
            return Negatable.of(parsed, inverted);
        } catch (IllegalArgumentException e) {
            throw error(Problem.of("bridge.option-value", option, Problem.of(e)));
        }
    }

    private long count(String option) {
        try {
            return Counters.number(raw(option));
        } catch (IllegalArgumentException e) {
            throw error(Problem.of(e));
        }
    }

    private void jump(String word) {
        if (negate) {
            throw error(Problem.of("bridge.target-negated"));
        }
        if (targetName != null) {
            throw error(Problem.of("bridge.target-given-twice"));
        }
        targetName = raw(word);
        targetExtension = EbtRegistry.target(targetName);
        if (targetExtension != null) {
            targetArgs = new ExtensionArgs(targetName, line);
        }
    }

    private void extensionOption(String word) {
        if (!word.startsWith("--")) {
            throw error(Problem.of("bridge.unexpected-word", word));
        }
        ExtensionArgs args;
        OptionSpec.Option spec;
        if (targetExtension != null && targetExtension.options().find(word) != null) {
            args = targetArgs;
            spec = targetExtension.options().find(word);
        } else if (EbtRegistry.matchFor(word) != null) {
            XtExtension<?> extension = EbtRegistry.matchFor(word);
            args = matches.computeIfAbsent(extension, e -> new ExtensionArgs(e.name(), line));
            spec = extension.options().find(word);
        } else if (EbtRegistry.watcherFor(word) != null) {
            XtExtension<?> extension = EbtRegistry.watcherFor(word);
            args = watchers.computeIfAbsent(extension, e -> new ExtensionArgs(e.name(), line));
            spec = extension.options().find(word);
        } else {
            String unsupported = EbtRegistry.unsupportedExtensionOf(word);
            if (unsupported == null) {
                throw error(Problem.of("bridge.unknown-option", word));
            }
            keepUnsupported(unsupported, word);
            return;
        }
        List<String> values = new ArrayList<>(spec.arity());
        for (int i = 0; i < spec.arity(); i++) {
            values.add(raw(word));
        }
        boolean inverted = negate;
        negate = false;
        if (inverted && (args == targetArgs || watchers.containsValue(args))) {
            throw args.refuse("bridge.option-not-invertible", spec.names().get(0)); // only matches invert
        }
        args.add(new OptionUse(spec.names().get(0), inverted, values));
    }

    /** An option of an extension not modelled: it and the values after it are kept as written. */
    private void keepUnsupported(String extension, String option) {
        List<String> kept = unsupported.computeIfAbsent(extension, name -> new ArrayList<>());
        if (negate) {
            kept.add("!");
            negate = false;
        }
        kept.add(option);
        while (next < words.size() && !words.get(next).startsWith("-")) {
            kept.add(words.get(next++));
        }
    }

    private RulesSyntaxException error(Problem problem) {
        return new RulesSyntaxException(line, problem);
    }
}
