package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.nft.NftFamily;
import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.LogTarget;
import io.netfilterflow.netfilter.xtables.target.MasqueradeTarget;
import io.netfilterflow.netfilter.xtables.target.NotrackTarget;
import io.netfilterflow.netfilter.xtables.target.RedirectTarget;
import io.netfilterflow.netfilter.xtables.target.RejectTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a rule as nft printed it into the expressions the kernel runs, left to right: matches, lookups, verdict
 * maps, statements and the verdict. Anything the simulator does not model is refused with the rule's line and
 * the words that name it, never skipped.
 */
public final class NftRuleCompiler {

    /** Builds the errors of one rule: its line and what is wrong. */
    static final class Failure {
        private final int line;

        Failure(int line) {
            this.line = line;
        }

        RulesSyntaxException notModelled(String construct) {
            return new RulesSyntaxException(line, Problem.of("rules.nft-not-modelled", construct.strip()));
        }

        RulesSyntaxException expected(String what, String found) {
            return new RulesSyntaxException(line, Problem.of("rules.nft-expected", what,
                    found.isEmpty() ? Problem.of("rules.nft-end-of-line") : found));
        }

        Object value(NftType type, String word) {
            try {
                return type.parse(word);
            } catch (InvalidValue e) {
                throw new RulesSyntaxException(line, e.problem());
            }
        }
    }

    private final NftFamily family;
    private final NftSets sets;

    public NftRuleCompiler(NftFamily family, NftSets sets) {
        this.family = family;
        this.sets = sets;
    }

    public NftCompiledRule compile(NftRule rule) {
        Failure fail = new Failure(rule.line());
        NftWords in = new NftWords(rule.tokens());
        NftValues values = new NftValues(in, fail);
        List<NftExpr> exprs = new ArrayList<>();
        while (!in.atEnd()) {
            if (NftIpv6Dependency.starts(in)) {
                // the protocol dependency nft puts before an IPv6 key; the key itself loads nothing from IPv4
                exprs.add(NftIpv6Dependency.of(family, in.peek() + " " + in.peek(1), fail));
            }
            NftExpr expr = item(in, fail, values);
            if (expr != null) {
                exprs.add(expr);
            }
        }
        return new NftCompiledRule(rule, exprs);
    }

    private NftExpr item(NftWords in, Failure fail, NftValues values) {
        String word = in.peek();
        switch (word) {
            case "accept", "drop", "continue", "return" -> {
                in.next();
                return new NftExpr.Immediate(new NftVerdict(NftVerdict.Kind.valueOf(word.toUpperCase(Locale.ROOT)), null));
            }
            case "jump", "goto" -> {
                in.next();
                String chain = NftType.unquote(in.next());
                return new NftExpr.Immediate(new NftVerdict(word.equals("jump") ? NftVerdict.Kind.JUMP
                        : NftVerdict.Kind.GOTO, chain));
            }
            case "counter" -> {
                in.next();
                if (in.take("packets")) {
                    in.next();
                    in.take("bytes");
                    in.next();
                }
                return null;
            }
            case "comment" -> {
                in.next();
                in.next();
                return null;
            }
            case "log" -> {
                in.next();
                return log(in);
            }
            case "limit" -> {
                in.next();
                return limit(in, fail);
            }
            case "notrack" -> {
                in.next();
                return new NftExpr.Action("notrack", new NotrackTarget());
            }
            case "reject" -> {
                in.next();
                return reject(in, fail);
            }
            case "dnat", "snat" -> {
                in.next();
                return nat(word, in, fail);
            }
            case "masquerade", "redirect" -> {
                in.next();
                return masquerade(word, in, fail);
            }
            case "quota" -> {
                in.next();
                return quota(in, fail);
            }
            case "queue", "fwd", "dup", "tproxy", "synproxy", "flow", "set", "update", "add", "delete",
                 "objref", "xt", "last", "osf", "secmark" -> throw fail.notModelled(word);
            default -> {
                // meta nftrace set N: tracing changes nothing the packet meets
                if (word.equals("meta") && in.peek(1).equals("nftrace") && in.peek(2).equals("set")) {
                    in.next();
                    in.next();
                    in.next();
                    in.next();
                    return null;
                }
                if (word.equals("mark") && in.peek(1).equals("set")) {
                    in.next();
                    in.next();
                    return new NftExpr.SetMark(false, valueExpr(in, fail, values, NftType.MARK));
                }
                return match(in, fail, values);
            }
        }
    }

    private NftExpr match(NftWords in, Failure fail, NftValues values) {
        String first = in.peek();
        NftSelector left = new NftSelectorReader(in, fail).selector();
        if (left == null) {
            throw fail.notModelled(first);
        }
        if (in.take("set")) {
            if (left == NftField.META_MARK || left == NftField.CT_MARK) {
                return new NftExpr.SetMark(left == NftField.CT_MARK, valueExpr(in, fail, values, NftType.MARK));
            }
            throw fail.notModelled((left instanceof NftField field ? field.words() : first + " ...") + " set");
        }
        if (in.take("vmap")) {
            return verdictMap(left, in, fail, values);
        }
        String op = in.peek();
        NftOp relation = switch (op) {
            case "==" -> NftOp.EQ;
            case "!=" -> NftOp.NEQ;
            case "<" -> NftOp.LT;
            case ">" -> NftOp.GT;
            case "<=" -> NftOp.LTE;
            case ">=" -> NftOp.GTE;
            default -> null;
        };
        if (relation != null) {
            in.next();
        }
        boolean negate = relation == NftOp.NEQ;
        if (in.peek().startsWith("@")) {
            if (relation != null && !negate) {
                throw fail.notModelled(op + " " + in.peek());
            }
            String name = in.next().substring(1);
            return new NftExpr.Lookup(left, name, sets.elements(name, left.parts(), fail), negate);
        }
        if (in.peek().equals("{")) {
            if (relation != null && !negate) {
                throw fail.notModelled(op + " {");
            }
            return new NftExpr.Lookup(left, null, values.anonymous(left.parts(), false), negate);
        }
        if (in.peek().equals("missing") || in.peek().equals("exists")) {
            boolean exists = in.next().equals("exists");
            if (!(left instanceof NftFib)) {
                throw fail.notModelled((exists ? "exists" : "missing"));
            }
            // nft_fib_store_result stores no device as ifindex 0 / the empty name: missing compares equal to it
            return new NftExpr.Cmp(left, exists != negate ? NftOp.NEQ : NftOp.EQ, "", null);
        }
        if (left instanceof NftConcat) {
            throw fail.notModelled(first + " ... . ... " + op);
        }
        NftValues.Constant constant = values.constant(left.type());
        if (in.take("/")) {
            long mask = values.flags(left.type());
            return new NftExpr.Cmp(new NftBitwise(left, NftBitwise.Op.AND, mask),
                    negate ? NftOp.NEQ : NftOp.EQ, constant.low(), null);
        }
        if (constant.isRange()) {
            if (relation != null && !negate) {
                throw fail.notModelled(op + " range");
            }
            return new NftExpr.Cmp(left, negate ? NftOp.NOT_RANGE : NftOp.RANGE, constant.low(), constant.high());
        }
        if (relation == null) {
            relation = left.type().isBitmask() ? NftOp.ANY_BITS : NftOp.EQ;
        } else if (negate && left.type().isBitmask() && constant.flagList()) {
            relation = NftOp.NO_BITS;
        }
        return new NftExpr.Cmp(left, relation, constant.low(), null);
    }

    private NftExpr verdictMap(NftSelector key, NftWords in, Failure fail, NftValues values) {
        if (in.peek().startsWith("@")) {
            String name = in.next().substring(1);
            return new NftExpr.VerdictMap(key, name, sets.elements(name, key.parts(), fail));
        }
        if (!in.peek().equals("{")) {
            throw fail.expected("@MAP or { ... }", in.peek());
        }
        return new NftExpr.VerdictMap(key, null, values.anonymous(key.parts(), true));
    }

    /** The value of a {@code set}: a constant, or a key with an operation ({@code meta mark | 0x4000}). */
    private NftSelector valueExpr(NftWords in, Failure fail, NftValues values, NftType type) {
        NftSelector selector = new NftSelectorReader(in, fail).selector();
        if (selector != null) {
            return selector;
        }
        return new NftConstant(type, values.constant(type).low());
    }

    private NftExpr log(NftWords in) {
        String prefix = null;
        int level = LogTarget.DEFAULT_LEVEL;
        while (true) {
            switch (in.peek()) {
                case "prefix" -> {
                    in.next();
                    prefix = NftType.unquote(in.next());
                }
                case "level" -> {
                    in.next();
                    level = List.of("emerg", "alert", "crit", "err", "warn", "notice", "info", "debug")
                            .indexOf(in.next());
                    level = level < 0 ? LogTarget.DEFAULT_LEVEL : level;
                }
                case "group", "snaplen", "queue-threshold" -> {
                    in.next();
                    in.next();
                }
                case "flags" -> {
                    in.next();
                    in.next();
                    while (in.take(",")) {
                        in.next();
                    }
                }
                default -> {
                    return new NftExpr.Action("log", new LogTarget(level, prefix, false, false, false, false, false));
                }
            }
        }
    }

    private NftExpr limit(NftWords in, Failure fail) {
        if (!in.take("rate")) {
            throw fail.expected("rate", in.peek());
        }
        boolean over = in.take("over");
        String rate = in.next();
        if (!rate.contains("/")) {
            throw fail.notModelled("limit rate " + rate + " " + in.peek() + " (a byte rate)");
        }
        long interval;
        try {
            interval = RateLimit.parseInterval(rate);
        } catch (InvalidValue e) {
            throw new RulesSyntaxException(fail.line, e.problem());
        }
        int burst = RateLimit.DEFAULT_BURST;
        if (in.take("burst")) {
            burst = (int) (long) (Long) fail.value(NftType.INTEGER, in.next());
            if (!in.take("packets")) {
                throw fail.notModelled("limit ... burst " + burst + " " + in.peek());
            }
        }
        return new NftExpr.Limit(new RateLimit(interval, burst), over);
    }

    private NftExpr quota(NftWords in, Failure fail) {
        boolean over = in.take("over");
        long bytes = bytes(in, fail);
        long used = in.take("used") ? bytes(in, fail) : 0;
        return new NftExpr.Quota(bytes, used, over);
    }

    /** {@code N bytes|kbytes|mbytes|gbytes}, as nft prints a quota (powers of 1024). */
    private static long bytes(NftWords in, Failure fail) {
        long number = (Long) fail.value(NftType.INTEGER, in.next());
        long unit = switch (in.next()) {
            case "bytes" -> 1;
            case "kbytes" -> 1L << 10;
            case "mbytes" -> 1L << 20;
            case "gbytes" -> 1L << 30;
            default -> throw fail.expected("bytes, kbytes, mbytes or gbytes", in.peek());
        };
        return number * unit;
    }

    private NftExpr reject(NftWords in, Failure fail) {
        if (family == NftFamily.BRIDGE || family == NftFamily.NETDEV) {
            throw fail.notModelled("reject in the " + family.nftName() + " family");
        }
        if (!in.take("with")) {
            return new NftExpr.Action("reject", new RejectTarget(RejectTarget.With.ICMP_PORT_UNREACHABLE));
        }
        String kind = in.next();
        if (kind.equals("tcp")) {
            if (!in.take("reset")) {
                throw fail.expected("reset", in.peek());
            }
            return new NftExpr.Action("reject", new RejectTarget(RejectTarget.With.TCP_RESET));
        }
        if (kind.equals("icmpv6")) {
            return NftIpv6Dependency.reject(family, in, fail);
        }
        if (!kind.equals("icmp") && !kind.equals("icmpx")) {
            throw fail.notModelled("reject with " + kind);
        }
        in.take("type");
        String code = in.next();
        long number = switch (code) {
            case "no-route" -> 0;
            default -> (Long) fail.value(NftType.ICMP_CODE, code);
        };
        for (RejectTarget.With with : RejectTarget.With.values()) {
            if (with.icmpType() == 3 && with.icmpCode() == number) {
                return new NftExpr.Action("reject", new RejectTarget(with));
            }
        }
        throw fail.notModelled("reject with " + kind + " " + code);
    }

    private NftExpr nat(String word, NftWords in, Failure fail) {
        if (in.take("ip6")) {
            // an inet table's IPv6 mapping: a rule's nfproto ipv6 keeps IPv4 packets from it; one reaching it is refused
            in.take("to");
            String to = in.next();
            natFlags(in);
            return new NftExpr.Unmodelled(word + " ip6 to " + to);
        }
        if (in.peek().equals("ip")) {
            in.next();
        }
        if (!in.take("to")) {
            throw fail.expected("to", in.peek());
        }
        String to = in.next();
        if (in.peek().equals("map") || in.peek().equals(".") || !Character.isDigit(to.isEmpty() ? 'x' : to.charAt(0))
                && !to.startsWith(":")) {
            throw fail.notModelled(word + " to " + to + " " + in.peek());
        }
        NatRange range;
        try {
            range = NatRange.parse(to);
        } catch (IllegalArgumentException e) {
            throw fail.notModelled(word + " to " + to);
        }
        boolean random = false;
        boolean fullyRandom = false;
        boolean persistent = false;
        for (String flag : natFlags(in)) {
            switch (flag) {
                case "random" -> random = true;
                case "fully-random" -> fullyRandom = true;
                case "persistent" -> persistent = true;
                default -> throw fail.notModelled(word + " ... " + flag);
            }
        }
        return new NftExpr.Action(word, word.equals("dnat") ? new DnatTarget(range, random, persistent)
                : new SnatTarget(range, random, fullyRandom, persistent));
    }

    private NftExpr masquerade(String word, NftWords in, Failure fail) {
        PortRange ports = null;
        if (in.take("to")) {
            String to = in.next();
            if (!to.startsWith(":")) {
                throw fail.notModelled(word + " to " + to);
            }
            try {
                ports = NatRange.portRange(to.substring(1));
            } catch (IllegalArgumentException e) {
                throw fail.notModelled(word + " to " + to);
            }
        }
        boolean random = false;
        boolean fullyRandom = false;
        for (String flag : natFlags(in)) {
            switch (flag) {
                case "random" -> random = true;
                case "fully-random" -> fullyRandom = true;
                case "persistent" -> {
                    // the simulation maps no port: persistence changes nothing it shows
                }
                default -> throw fail.notModelled(word + " ... " + flag);
            }
        }
        return new NftExpr.Action(word, word.equals("masquerade") ? new MasqueradeTarget(ports, random, fullyRandom)
                : new RedirectTarget(ports, random));
    }

    private static List<String> natFlags(NftWords in) {
        List<String> flags = new ArrayList<>();
        while (in.peek().equals("random") || in.peek().equals("fully-random") || in.peek().equals("persistent")) {
            flags.add(in.next());
            if (!in.take(",")) {
                break;
            }
        }
        return flags;
    }
}
