package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.netfilter.core.KeepsState;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.netfilter.nat.NatRange;
import io.netfilterflow.netfilter.nft.NftVerdict;
import io.netfilterflow.netfilter.xtables.RateLimit;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.target.DnatTarget;
import io.netfilterflow.netfilter.xtables.target.SnatTarget;
import java.util.List;

/**
 * One expression of a rule ({@code struct nft_expr}), evaluated in order: a test that breaks the rule when it
 * fails, a lookup, a verdict, or a statement that acts on the packet.
 */
public sealed interface NftExpr {

    /** {@code nft_cmp} and {@code nft_range}: the loaded value against a constant or a range. */
    record Cmp(NftSelector left, NftOp op, Object value, Object high) implements NftExpr {
    }

    /** {@code nft_lookup}: the value is (or, inverted, is not) in a set. */
    record Lookup(NftSelector key, String set, NftElements elements, boolean invert) implements NftExpr {
    }

    /** {@code nft_lookup} into a verdict map: the element's verdict is the rule's; no element breaks the rule. */
    record VerdictMap(NftSelector key, String map, NftElements elements) implements NftExpr {
    }

    /** {@code nft_immediate} of a verdict. */
    record Immediate(NftVerdict verdict) implements NftExpr {
    }

    /**
     * A statement that does what an xtables target does, and is run through it: {@code reject} as REJECT,
     * {@code dnat}/{@code snat}/{@code masquerade}/{@code redirect} as the NAT targets, {@code notrack}, {@code log}.
     */
    record Action(String statement, XtTarget target) implements NftExpr {
    }

    /**
     * {@code dnat|snat to KEY map MAP}: the mapping is the data of the map's element for the packet's key (an address,
     * or an address and a port); no element breaks the rule ({@code nft_lookup} finds nothing).
     */
    record NatMap(String statement, NftSelector key, NftElements elements, boolean random, boolean fullyRandom,
                  boolean persistent) implements NftExpr {

        /** The NAT target for the element's data, or null when the map has no element for the key. */
        public XtTarget target(Object data) {
            if (data == null) {
                return null;
            }
            long address = data instanceof List<?> pair ? (Long) pair.get(0) : (Long) data;
            Integer port = data instanceof List<?> pair ? (int) (long) (Long) pair.get(1) : null;
            Ipv4Address to = new Ipv4Address((int) address);
            NatRange range = new NatRange(to, to, port == null ? null : new PortRange(port, port));
            return statement.equals("dnat") ? new DnatTarget(range, random, persistent)
                    : new SnatTarget(range, random, fullyRandom, persistent);
        }
    }

    /** {@code meta mark set VALUE} and {@code ct mark set VALUE}. */
    record SetMark(boolean ct, NftSelector value) implements NftExpr {
    }

    /**
     * {@code quota [over] N UNIT [used M UNIT]} ({@code nft_quota}): each packet's length is added to what the rule
     * has consumed; past the quota ({@code consumed >= N}) the rule breaks, or, with {@code over}, only then goes on.
     */
    record Quota(long bytes, long used, boolean over) implements NftExpr, KeepsState {

        /** What this rule has consumed so far in the run. */
        public static final class Consumed {
            public long bytes;
        }
    }

    /** What the simulator does not model for the IPv4 packets it runs ({@code dnat ip6 to}): refused if reached. */
    record Unmodelled(String construct) implements NftExpr {
    }

    /** {@code limit rate [over] N/UNIT [burst B packets]}: a token bucket; {@code over} matches past it. */
    record Limit(RateLimit rate, boolean over) implements NftExpr, KeepsState {
    }
}
