package io.netfilterflow.netfilter.nft.expr;

import io.netfilterflow.net.Ipv4Address;

/**
 * {@code fib daddr|saddr [. iif|. oif] type} and {@code fib saddr [. iif] oif|oifname} ({@code nft_fib4}): the
 * route type of the address (on the input device when {@code . iif}), or the device the route back to the source
 * leaves by (with {@code . iif} only the input device counts: the strict reverse path test); when there is none,
 * {@code nft_fib_store_result} stores no device, the empty name, which {@code missing} matches (not a break).
 */
public record NftFib(boolean source, Device device, Result result) implements NftSelector {

    public enum Device { NONE, IIF, OIF }

    public enum Result { TYPE, OIF, OIFNAME }

    public NftFib {
        if (result != Result.TYPE && !source) {
            throw new IllegalArgumentException("the device towards the destination is not modelled");
        }
    }

    @Override
    public Object load(NftPktInfo pkt) {
        if (result == Result.TYPE) {
            Ipv4Address address = source ? pkt.packet().src() : pkt.packet().dst();
            String on = switch (device) {
                case NONE -> null;
                case IIF -> pkt.in();
                case OIF -> pkt.out();
            };
            return (long) pkt.addressType(address, on).ordinal();
        }
        if (device == Device.IIF) {
            return pkt.reversePathValid(false, false) ? pkt.in() : "";
        }
        // without . iif the result is the route's own device; with . oif, found only when it is the output device
        String back = pkt.routeBackDevice();
        if (back == null || device == Device.OIF && !back.equals(pkt.out())) {
            return "";
        }
        return back;
    }

    @Override
    public NftType type() {
        return result == Result.TYPE ? NftType.FIB_ADDRTYPE : NftType.IFNAME;
    }
}
