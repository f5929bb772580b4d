package io.netfilterflow.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookRegistryTest {

    private static HookRegistry of(String nft) {
        return HookRegistry.of(Backend.NFT, IptablesRuleset.EMPTY, EbtablesRuleset.EMPTY,
                NftProgram.of(NftRulesetParser.parse(nft)));
    }

    @Test
    void ofEqualPrioritiesTheChainLoadedLastRunsFirst() {
        HookRegistry registry = of("""
                table inet first {
                \tchain input {
                \t\ttype filter hook input priority filter; policy accept;
                \t}
                }
                table inet second {
                \tchain input {
                \t\ttype filter hook input priority filter; policy accept;
                \t}
                }
                """);

        assertThat(registry.ops(NfProto.IPV4, NfHook.LOCAL_IN)).map(HookOps::fn)
                .filteredOn(HookFn.NftBaseChain.class::isInstance)
                .map(fn -> ((HookFn.NftBaseChain) fn).table().name()).containsExactly("second", "first");
    }

    @Test
    void oneNatChainRegistersTheNatCoreOnAllFourHooks() {
        HookRegistry registry = of("""
                table ip masq {
                \tchain postrouting {
                \t\ttype nat hook postrouting priority srcnat; policy accept;
                \t\tmasquerade
                \t}
                }
                """);

        for (NfHook hook : new NfHook[] {NfHook.PRE_ROUTING, NfHook.LOCAL_OUT, NfHook.POST_ROUTING, NfHook.LOCAL_IN}) {
            assertThat(registry.ops(NfProto.IPV4, hook)).as(hook.name()).map(HookOps::fn)
                    .filteredOn(HookFn.Nat.class::isInstance).hasSize(1);
        }
        assertThat(registry.ops(NfProto.IPV4, NfHook.PRE_ROUTING)).map(HookOps::fn)
                .filteredOn(HookFn.Nat.class::isInstance).map(fn -> ((HookFn.Nat) fn).chains()).containsExactly(List.of());
    }
}
