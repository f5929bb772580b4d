package io.netfilterflow.diagram;

import io.netfilterflow.netfilter.HookFn;
import io.netfilterflow.netfilter.HookOps;
import io.netfilterflow.trace.Stage;
import io.netfilterflow.trace.StepKind;

/**
 * Which diagram box a hook registration is, and which box a trace step lights. Both come from the
 * same names ({@code family:label:HOOK}), so a step of the simulator always finds its box. This is the
 * one mapping: the simulator records each step's box with it, and the page only reads it.
 */
public final class NodeIds {

    public static final String NIC_IN = "nic-in";
    public static final String NIC_OUT = "nic-out";
    public static final String BRIDGE_CHECK = "bridge-check";
    public static final String BRIDGING = "bridging";
    public static final String ROUTING = "routing";
    public static final String OUTPUT_ROUTING = "output-routing";
    public static final String LOCAL_PROCESS = "local-process";

    private NodeIds() {
    }

    /** The box of one registration, or null for those the diagram leaves out (br_netfilter's guard). */
    public static String of(HookOps ops) {
        if (ops.fn() instanceof HookFn.IpSabotageIn) {
            return null;
        }
        String family = ops.fn() instanceof HookFn.NftBaseChain chain ? chain.table().family().nftName()
                : ops.pf().family();
        return box(family, ops.fn().label(), ops.fn().chain(ops.hook()));
    }

    /** The frame around one family's hook: {@code ip::PREROUTING}. */
    public static String hook(String family, String hook) {
        return family + "::" + hook;
    }

    public static String box(String family, String label, String hook) {
        return family + ":" + label.replace(' ', '-') + ":" + hook;
    }

    /** The box a step lights: its chain's base box, the decision it is, or the frame of its hook. */
    public static String of(StepKind kind, Stage stage) {
        if (kind == StepKind.DELIVERED) {
            return LOCAL_PROCESS;
        }
        if (stage.table() != null && stage.family() != null) {
            return box(stage.family(), stage.base() == null ? stage.table() : stage.table() + " " + stage.base(),
                    stage.hook());
        }
        switch (stage.hook()) {
            case "rx":
                return NIC_IN;
            case "xmit":
                return NIC_OUT;
            case "routing":
                return ROUTING;
            case "output routing":
                return OUTPUT_ROUTING;
            case "bridging":
                return BRIDGING;
            case "bridge check":
                return BRIDGE_CHECK;
            case "local process":
                return LOCAL_PROCESS;
            default:
                // an endpoint that could not send never reached the host: its NIC is where it stopped
                return stage.family() == null ? NIC_IN : hook(stage.family(), stage.hook());
        }
    }
}
