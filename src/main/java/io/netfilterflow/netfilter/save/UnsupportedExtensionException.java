package io.netfilterflow.netfilter.save;

/** A real iptables/ebtables extension this project does not model; refused by name, never guessed. */
public class UnsupportedExtensionException extends RulesSyntaxException {

    private final String extension;

    public UnsupportedExtensionException(SourceLine line, String kind, String extension) {
        this(line, kind, extension, null);
    }

    public UnsupportedExtensionException(SourceLine line, String kind, String extension, String detail) {
        super(line, "unsupported " + kind + " '" + extension + "'" + (detail == null ? "" : " (" + detail + ")"));
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
