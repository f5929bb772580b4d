package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.nft.NftFamily;
import io.netfilterflow.netfilter.nft.NftRule;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.xtables.target.NotrackTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a rule as nft printed it into the expressions the kernel runs, left to right: matches, lookups, verdict
 * maps, statements and the verdict. Anything the simulator does not model is refused with the rule's line and
 * the words that name it, never skipped.
 */
public final class NftRuleCompiler {

    private final NftFamily family;
    private final NftSets sets;

    private final NftStatementReader statements;

    public NftRuleCompiler(NftFamily family, NftSets sets) {
        this.family = family;
        this.sets = sets;
        this.statements = new NftStatementReader(family, sets);
    }

    public NftCompiledRule compile(NftRule rule) {
        NftRefusals fail = new NftRefusals(rule.line());
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

    private NftExpr item(NftWords in, NftRefusals fail, NftValues values) {
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
                return statements.log(in);
            }
            case "limit" -> {
                in.next();
                return statements.limit(in, fail);
            }
            case "notrack" -> {
                in.next();
                return new NftExpr.Action("notrack", new NotrackTarget());
            }
            case "reject" -> {
                in.next();
                return statements.reject(in, fail);
            }
            case "dnat", "snat" -> {
                in.next();
                return statements.nat(word, in, fail);
            }
            case "masquerade", "redirect" -> {
                in.next();
                return statements.masquerade(word, in, fail);
            }
            case "quota" -> {
                in.next();
                return statements.quota(in, fail);
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

    private NftExpr match(NftWords in, NftRefusals fail, NftValues values) {
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
            return new NftExpr.Lookup(left, name, sets.elements(name, left.parts(), NftValues.Data.NONE, fail),
                    negate);
        }
        if (in.peek().equals("{")) {
            if (relation != null && !negate) {
                throw fail.notModelled(op + " {");
            }
            return new NftExpr.Lookup(left, null, values.anonymous(left.parts(), NftValues.Data.NONE), negate);
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

    private NftExpr verdictMap(NftSelector key, NftWords in, NftRefusals fail, NftValues values) {
        if (in.peek().startsWith("@")) {
            String name = in.next().substring(1);
            return new NftExpr.VerdictMap(key, name, sets.elements(name, key.parts(), NftValues.Data.VERDICT, fail));
        }
        if (!in.peek().equals("{")) {
            throw fail.expected("@MAP or { ... }", in.peek());
        }
        return new NftExpr.VerdictMap(key, null, values.anonymous(key.parts(), NftValues.Data.VERDICT));
    }

    /** The value of a {@code set}: a constant, or a key with an operation ({@code meta mark | 0x4000}). */
    private NftSelector valueExpr(NftWords in, NftRefusals fail, NftValues values, NftType type) {
        NftSelector selector = new NftSelectorReader(in, fail).selector();
        if (selector != null) {
            return selector;
        }
        return new NftConstant(type, values.constant(type).low());
    }

}
