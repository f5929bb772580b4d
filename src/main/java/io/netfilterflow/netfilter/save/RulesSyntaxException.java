package io.netfilterflow.netfilter.save;

/** Input that iptables-restore or ebtables-restore would refuse, or that this project does not support. */
public class RulesSyntaxException extends RuntimeException {

    private final int line;
    private final String reason;

    public RulesSyntaxException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public RulesSyntaxException(SourceLine line, String reason) {
        this(line.number(), reason);
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
