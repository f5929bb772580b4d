package io.netfilterflow.netfilter.xtables.match;

/** The {@code IPS_*} status bits {@code --ctstatus} tests, in print order. */
public enum CtStatus {
    EXPECTED, SEEN_REPLY, ASSURED, CONFIRMED
}
