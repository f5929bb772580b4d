package io.netfilterflow.netfilter.nft.expr;

/**
 * The relational operators of nft's {@code expr_evaluate_relational}: equality (written or implicit), order,
 * and the implicit test of a bitmask type ({@code ct state established,related}: any of these bits), negated
 * by {@code !=} (none of them).
 */
public enum NftOp {
    EQ, NEQ, LT, GT, LTE, GTE, RANGE, NOT_RANGE, ANY_BITS, NO_BITS;

    /** Whether {@code value} passes against {@code constant} (and {@code high} for ranges). */
    public boolean test(Object value, Object constant, Object high) {
        if (value == null) {
            // nothing loaded breaks the rule (NFT_BREAK), except fib's presence test (NFTA_FIB_F_PRESENT):
            // "missing" is a compare with nothing
            return constant == null && this == EQ;
        }
        if (value instanceof String name) {
            boolean same = constant instanceof String pattern && (pattern.endsWith("*")
                    ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : name.equals(pattern));
            return switch (this) {
                case EQ -> same;
                case NEQ -> !same;
                default -> false;
            };
        }
        if (!(value instanceof Long number) || !(constant instanceof Long c)) {
            return this == NEQ ? !value.equals(constant) : this == EQ && value.equals(constant);
        }
        int order = Long.compareUnsigned(number, c);
        return switch (this) {
            case EQ -> order == 0;
            case NEQ -> order != 0;
            case LT -> order < 0;
            case GT -> order > 0;
            case LTE -> order <= 0;
            case GTE -> order >= 0;
            case RANGE -> order >= 0 && Long.compareUnsigned(number, (Long) high) <= 0;
            case NOT_RANGE -> !(order >= 0 && Long.compareUnsigned(number, (Long) high) <= 0);
            case ANY_BITS -> (number & c) != 0;
            case NO_BITS -> (number & c) == 0;
        };
    }
}
