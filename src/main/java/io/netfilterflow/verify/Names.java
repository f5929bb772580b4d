package io.netfilterflow.verify;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The namespace names of one replay: {@code nff-<pid>-<random>-...}, unique on the machine, and
 * carrying the owner's process id so a later run can remove what a killed one left behind.
 */
record Names(String prefix) {

    static final String PREFIX = "nff-";

    static Names fresh() {
        return new Names(PREFIX + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)));
    }

    String host() {
        return prefix + "-host";
    }

    String endpoint(int index) {
        return prefix + "-e" + index;
    }

    String segment(String device) {
        return prefix + "-s-" + device;
    }

    /** The process that created namespace {@code ns}, or -1 when the name is not one of ours. */
    static long owner(String ns) {
        if (!ns.startsWith(PREFIX)) {
            return -1;
        }
        String rest = ns.substring(PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
