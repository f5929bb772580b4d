package io.netfilterflow.verify;

/** Building or driving the namespaces failed: the command and the tool's own message. */
public final class LabException extends RuntimeException {

    public LabException(String message) {
        super(message);
    }
}
