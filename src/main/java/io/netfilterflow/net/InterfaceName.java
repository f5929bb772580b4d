package io.netfilterflow.net;

import io.netfilterflow.problem.InvalidValue;

/**
 * An interface name as a rule matches it: exact, or a prefix when it ends in {@code +}
 * ({@code cali+}), as {@code ifname_compare} in the kernel does.
 */
public record InterfaceName(String pattern) {

    public InterfaceName {
        if (pattern.isEmpty() || pattern.length() > 15) {
            throw new InvalidValue("net.invalid-interface-name", pattern);
        }
    }

    public boolean isWildcard() {
        return pattern.endsWith("+");
    }

    public boolean matches(String device) {
        if (device == null) {
            return false;
        }
        return isWildcard() ? device.startsWith(pattern.substring(0, pattern.length() - 1)) : device.equals(pattern);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
