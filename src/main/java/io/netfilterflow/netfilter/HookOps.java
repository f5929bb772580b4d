package io.netfilterflow.netfilter;

import io.netfilterflow.netfilter.core.NfHook;
import io.netfilterflow.netfilter.core.NfProto;
import java.util.Objects;

/** One registration on a hook ({@code struct nf_hook_ops}): family, hook, priority and what it calls. */
public record HookOps(NfProto pf, NfHook hook, int priority, HookFn fn) {

    public HookOps {
        Objects.requireNonNull(pf, "pf");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(fn, "fn");
    }
}
