package io.netfilterflow.netfilter.ipv4.save;

import io.netfilterflow.net.InterfaceName;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.netfilter.core.Counters;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.ipv4.IpHeaderMatch;
import io.netfilterflow.netfilter.ipv4.IptRule;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.SharedValues;
import io.netfilterflow.netfilter.save.SourceLine;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.UnsupportedMatch;
import io.netfilterflow.netfilter.xtables.UnsupportedTarget;
import io.netfilterflow.netfilter.xtables.target.ChainJump;
import io.netfilterflow.netfilter.xtables.target.StandardTarget;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads the rule part of one {@code -A CHAIN ...} line as iptables does: header options, then
 * each option handed to the target or the most recently loaded match that declares it, with
 * {@code !} before an option (or, deprecated, between it and its value). A tcp/udp/icmp/sctp
 * option without {@code -m} loads that protocol's match implicitly, as iptables does.
 */
final class IptRuleParser {

    /** What an xtables extension may be called: compiled only when a rule names one this project does not model. */
    private static final class ExtensionName {
        /** Up to 28 characters, no blanks or quotes. */
        static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,27}");
    }

    /**
     * One extension being collected: a modelled one with the options given to it so far, or an
     * unsupported one ({@code extension} null) with its words as written.
     */
    private record Pending(String name, XtExtension<?> extension, ExtensionArgs args, List<String> words) {
        XtMatch buildMatch() {
            return extension == null ? new UnsupportedMatch(name, words) : (XtMatch) extension.create(args);
        }

        XtTarget buildTarget() {
            return extension == null ? new UnsupportedTarget(name, words) : (XtTarget) extension.create(args);
        }
    }

    private final SourceLine line;
    private final List<String> words;
    /**
     * Keeps the header's conditions once (matches and targets are left as made: comparing them cost a run more
     * time than their memory was worth).
     */
    private final SharedValues shared;
    private final UnaryOperator<String> chainNames;
    private int next;
    private boolean negate;

    private Negatable<Ipv4Prefix> source;
    private Negatable<Ipv4Prefix> destination;
    private Negatable<InterfaceName> in;
    private Negatable<InterfaceName> out;
    private Negatable<IpProtocol> protocol;
    private Boolean fragment;
    private final List<Pending> matches = new ArrayList<>(4);
    private Pending target;
    private Pending lastUnsupported;
    private XtTarget jump;
    private Counters counters;

    /** {@code chainNames}: the table's own string for a chain name, which a jump keeps. */
    IptRuleParser(SourceLine line, List<String> words, int start, Counters counters, SharedValues shared,
                  UnaryOperator<String> chainNames) {
        this.line = line;
        this.words = words;
        this.shared = shared;
        this.chainNames = chainNames;
        this.next = start;
        this.counters = counters;
    }

    /** Parses the words; a {@code -j} name that is no target is taken as a chain, checked at COMMIT. */
    IptRule parse() {
        while (next < words.size()) {
            String word = words.get(next++);
            if (word.equals("!")) {
                if (negate) {
                    throw error(Problem.of("rules.negation-twice"));
                }
                negate = true;
                continue;
            }
            option(word);
        }
        if (negate) {
            throw error(Problem.of("rules.negation-at-end"));
        }
        XtMatch[] made = new XtMatch[matches.size()];
        for (int i = 0; i < made.length; i++) {
            made[i] = matches.get(i).buildMatch();
        }
        List<XtMatch> built = List.of(made); // immutable already: the rule keeps it as it is, without a copy
        XtTarget builtTarget = target != null ? target.buildTarget() : jump;
        IpHeaderMatch header = IpHeaderMatch.of(source, destination, in, out, protocol, fragment);
        ProtocolCheck.check(line, header, built, builtTarget);
        return new IptRule(header, built, builtTarget, counters, line);
    }

    private void option(String word) {
        switch (word) {
            case "-s", "--source", "--src" -> source = once(source, word, condition(address(value(word))));
            case "-d", "--destination", "--dst" ->
                    destination = once(destination, word, condition(address(value(word))));
            case "-i", "--in-interface" -> in = once(in, word, condition(iface(value(word))));
            case "-o", "--out-interface" -> out = once(out, word, condition(iface(value(word))));
            case "-p", "--protocol" -> protocol = once(protocol, word, condition(protocol(value(word))));
            case "-f", "--fragment" -> fragment = once(fragment, word, !take());
            case "-m", "--match" -> loadMatch(value(word));
            case "-j", "--jump" -> setTarget(value(word), false);
            case "-g", "--goto" -> setTarget(value(word), true);
            case "-c", "--set-counters" -> counters = new Counters(count(value(word)), count(value(word)));
            default -> extensionOption(word);
        }
    }

    private <T> T once(T previous, String option, T value) {
        if (previous != null) {
            throw error(Problem.of("rules.option-given-twice", option));
        }
        return value;
    }

    /** A header condition with the pending {@code !}, kept once for all rules that have it. */
    private <T> Negatable<T> condition(T value) {
        return shared.share(Negatable.of(value, take()));
    }

    /** Consumes a pending {@code !}. */
    private boolean take() {
        boolean was = negate;
        negate = false;
        return was;
    }

    private String value(String option) {
        if (next >= words.size()) {
            throw error(Problem.of("rules.option-needs-value", option));
        }
        String value = words.get(next++);
        if (value.equals("!")) {
            negate = true; // intrapositioned negation, "-s ! 10.0.0.0/8"
            return value(option);
        }
        return value;
    }

    private Ipv4Prefix address(String text) {
        if (Ipv4Address.looksLikeIpv6(text)) {
            throw error(Problem.of("rules.ipv6-address", text));
        }
        try {
            return Ipv4Prefix.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(Problem.of("rules.host-names-not-resolved", Problem.of(e)));
        }
    }

    private InterfaceName iface(String text) {
        try {
            return new InterfaceName(text);
        } catch (IllegalArgumentException e) {
            throw error(Problem.of(e));
        }
    }

    private IpProtocol protocol(String text) {
        try {
            return IpProtocol.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(Problem.of(e));
        }
    }

    private long count(String text) {
        try {
            return Counters.number(text);
        } catch (IllegalArgumentException e) {
            throw error(Problem.of(e));
        }
    }

    private void loadMatch(String name) {
        if (take()) {
            throw error(Problem.of("rules.cannot-negate-match", name));
        }
        XtExtension<? extends XtMatch> extension = XtRegistry.match(name);
        if (extension == null && !ExtensionName.PATTERN.matcher(name).matches()) {
            // no extension can have this name (XT_EXTENSION_MAXNAMELEN): iptables cannot load it
            throw error(Problem.of("rules.not-a-match-name", name));
        }
        if (extension == null) {
            if (name.equals("icmp6") || name.equals("ipv6header") || name.equals("hbh") || name.equals("rt")) {
                throw error(Problem.of("rules.ip6tables-match", name));
            }
            lastUnsupported = unsupported(name);
            matches.add(lastUnsupported);
            return;
        }
        matches.add(pending(extension));
    }

    private Pending pending(XtExtension<?> extension) {
        return new Pending(extension.name(), extension, new ExtensionArgs(extension.name(), line), null);
    }

    private Pending unsupported(String name) {
        return new Pending(name, null, null, new ArrayList<>());
    }

    private void setTarget(String name, boolean isGoto) {
        if (take()) {
            throw error(Problem.of("rules.cannot-negate-target"));
        }
        if (target != null || jump != null) {
            throw error(Problem.of("rules.target-twice"));
        }
        StandardTarget standard = StandardTarget.byName(name);
        XtExtension<? extends XtTarget> extension = XtRegistry.target(name);
        if (isGoto) {
            if (standard != null || extension != null) {
                throw error(Problem.of("rules.goto-target", name));
            }
            jump = new ChainJump(chainNames.apply(name), true);
        } else if (standard != null) {
            jump = standard;
        } else if (extension != null) {
            target = pending(extension);
        } else if (XtRegistry.isKnownUnsupportedTarget(name)
                || (next < words.size() && words.get(next).startsWith("--"))) {
            if (!ExtensionName.PATTERN.matcher(name).matches()) {
                throw error(Problem.of("rules.not-a-target-name", name)); // as for matches: no extension has it
            }
            target = unsupported(name); // a chain jump takes no options, so this is a target we do not model
            lastUnsupported = target;
        } else {
            jump = new ChainJump(chainNames.apply(name), false); // checked against the table's chains at COMMIT
        }
    }

    private void extensionOption(String word) {
        if (!word.startsWith("-")) {
            throw error(Problem.of("rules.unexpected-word", word));
        }
        String name = word;
        String inlineValue = null;
        int eq = word.indexOf('=');
        if (eq > 0 && word.startsWith("--")) {
            name = word.substring(0, eq);
            inlineValue = word.substring(eq + 1);
        }
        Pending owner = owner(name);
        if (owner == null && lastUnsupported != null) {
            keepUnsupported(word);
            return;
        }
        if (owner == null) {
            throw error(unknownOption(name));
        }
        OptionSpec.Option spec = owner.extension().options().find(name);
        String[] args = new String[spec.arity()];
        for (int i = 0; i < args.length; i++) {
            args[i] = i == 0 && inlineValue != null ? inlineValue : value(name);
        }
        if (spec.arity() == 0 && inlineValue != null) {
            throw error(Problem.of("rules.option-takes-no-value", name));
        }
        boolean inverted = take();
        if (inverted && owner == target) {
            // no iptables target has an invertible option (XTOPT_INVERT is never set on one)
            throw owner.args().refuse("rules.cannot-negate-option", spec.names().get(0));
        }
        owner.args().add(new OptionUse(spec.names().get(0), inverted, List.of(args)));
    }

    /** An option of an unsupported extension: it and the values after it are kept as written. */
    private void keepUnsupported(String option) {
        List<String> kept = lastUnsupported.words();
        if (take()) {
            kept.add("!");
        }
        kept.add(option);
        while (next < words.size() && !words.get(next).startsWith("-") && !words.get(next).equals("!")) {
            kept.add(words.get(next++));
        }
    }

    /** The target, else the latest match that declares the option, else the protocol's implicit match. */
    private Pending owner(String name) {
        if (target != null && declares(target, name)) {
            return target;
        }
        for (int i = matches.size() - 1; i >= 0; i--) {
            if (declares(matches.get(i), name)) {
                return matches.get(i);
            }
        }
        IpProtocol proto = protocol == null ? null : protocol.value();
        if (proto != null && !protocol.inverted()) {
            XtExtension<? extends XtMatch> implicit = XtRegistry.match(proto.toString());
            if (implicit != null && implicit.options().find(name) != null) {
                Pending loaded = pending(implicit);
                matches.add(loaded);
                return loaded;
            }
        }
        return null;
    }

    private static boolean declares(Pending pending, String option) {
        return pending.extension() != null && pending.extension().options().find(option) != null;
    }

    private Problem unknownOption(String name) {
        StringBuilder loaded = new StringBuilder();
        for (Pending match : matches) {
            loaded.append(loaded.length() == 0 ? "" : ", ").append(match.name());
        }
        if (target != null) {
            loaded.append(loaded.length() == 0 ? "" : ", ").append(target.name());
        }
        return loaded.length() == 0 ? Problem.of("rules.unknown-option", name)
                : Problem.of("rules.unknown-option-of", name, loaded);
    }

    private RulesSyntaxException error(Problem reason) {
        return new RulesSyntaxException(line, reason);
    }
}
