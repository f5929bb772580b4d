package io.netfilterflow.verify;

/** This machine cannot replay the scenario: not root, no namespaces, a tool or kernel feature missing. */
public final class CannotVerifyException extends RuntimeException {

    public CannotVerifyException(String message) {
        super(message);
    }
}
