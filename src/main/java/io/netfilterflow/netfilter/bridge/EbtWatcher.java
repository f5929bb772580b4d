package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.netfilter.save.RuleWriter;

/** An ebtables watcher ({@code struct ebt_watcher}): sees every frame the rule matches, decides nothing. */
public interface EbtWatcher {

    String name();

    void save(RuleWriter out);
}
