package io.netfilterflow.scenario;

/**
 * A scenario that cannot be simulated: names the field ({@code host.interfaces[2].master}), the
 * line of the JSON text it is on (0 when unknown), and for rules the line inside the rules text.
 */
public final class ScenarioException extends RuntimeException {

    private final String field;
    private final int jsonLine;
    private final int rulesLine;

    public ScenarioException(String field, int jsonLine, int rulesLine, String message) {
        super(message);
        this.field = field;
        this.jsonLine = jsonLine;
        this.rulesLine = rulesLine;
    }

    public String field() {
        return field;
    }

    public int jsonLine() {
        return jsonLine;
    }

    public int rulesLine() {
        return rulesLine;
    }

    /** {@code host.iptables line 7: reason} or {@code host.routes[1]: reason}. */
    public String describe() {
        String where = field == null ? "" : field + (rulesLine > 0 ? " line " + rulesLine : "") + ": ";
        return where + getMessage();
    }
}
