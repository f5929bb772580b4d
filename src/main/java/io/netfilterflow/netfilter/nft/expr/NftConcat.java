package io.netfilterflow.netfilter.nft.expr;

import java.util.ArrayList;
import java.util.List;

/** {@code a . b . c}: the parts loaded into consecutive registers, looked up together. */
public record NftConcat(List<NftSelector> selectors) implements NftSelector {

    public NftConcat {
        selectors = List.copyOf(selectors);
    }

    @Override
    public Object load(NftPktInfo pkt) {
        List<Object> key = new ArrayList<>(selectors.size());
        for (NftSelector selector : selectors) {
            Object value = selector.load(pkt);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

    @Override
    public NftType type() {
        return NftType.INTEGER;
    }

    @Override
    public List<NftType> parts() {
        return selectors.stream().map(NftSelector::type).toList();
    }
}
