package io.netfilterflow.verify;

import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import io.netfilterflow.netfilter.nft.json.NftJsonReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a scenario a replay hands to the system's tools as written: the save texts for
 * {@code iptables-restore}/{@code ebtables-restore}, the native ruleset for {@code nft -f}, the {@code ip route} lines and the ipsets.
 * The scenario has already been read and checked by the simulator's reader.
 */
record ScenarioText(String iptables, String ebtables, String nftables, List<String> routes,
        Map<String, List<String>> ipsets) {

    static ScenarioText of(String json) {
        JsonNode host = JsonMapper.builder().build().readTree(json).path("host");
        List<String> routes = new ArrayList<>();
        host.path("routes").forEach(route -> routes.add(route.stringValue()));
        Map<String, List<String>> ipsets = new LinkedHashMap<>();
        for (var set : host.path("ipsets").properties()) {
            List<String> members = new ArrayList<>();
            set.getValue().forEach(member -> members.add(member.stringValue()));
            ipsets.put(set.getKey(), members);
        }
        return new ScenarioText(text(host.path("iptables")), text(host.path("ebtables")),
                nftText(text(host.path("nftables"))), routes, ipsets);
    }

    /** JSON of nft -j is loaded as the listing it stands for: nft -j -f does not take a listing's handles back. */
    private static String nftText(String nftables) {
        return nftables == null || !NftJsonReader.isJson(nftables) ? nftables
                : NftRulesetPrinter.print(NftJsonReader.read(nftables));
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.stringValue().isBlank() ? node.stringValue() : null;
    }
}
