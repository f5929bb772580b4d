package io.netfilterflow.netfilter.bridge;

import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.core.PktType;

/** What an ebtables target may do to the frame ({@code xt_action_param} as {@code ebt_target} sees it). */
public interface EbtTargetParam extends EbtActionParam {

    void setMark(long mark);

    void setDestination(MacAddress mac);

    void setSource(MacAddress mac);

    void setPktType(PktType type);

    /** Whether the table runs at {@code NF_BR_BROUTING} (broute's chain), where some targets act otherwise. */
    boolean brouting();

    /** The MAC address of a device of the host, or null when there is none by that name. */
    MacAddress macOf(String device);
}
