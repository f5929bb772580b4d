package io.netfilterflow.netfilter.nft.expr;

/** {@code nft_bitwise}: {@code meta mark & 0xff}, {@code meta mark | 0x4000}, {@code meta mark ^ 0x4000}. */
public record NftBitwise(NftSelector of, Op op, long operand) implements NftSelector {

    public enum Op { AND, OR, XOR }

    @Override
    public Object load(NftPktInfo pkt) {
        Object value = of.load(pkt);
        if (!(value instanceof Long number)) {
            return null;
        }
        return switch (op) {
            case AND -> number & operand;
            case OR -> number | operand;
            case XOR -> number ^ operand;
        };
    }

    @Override
    public NftType type() {
        return of.type();
    }
}
