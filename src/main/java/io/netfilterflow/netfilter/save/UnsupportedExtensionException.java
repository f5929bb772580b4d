package io.netfilterflow.netfilter.save;

import io.netfilterflow.problem.Problem;

/** A real iptables/ebtables extension this project does not model; refused by name, never guessed. */
public class UnsupportedExtensionException extends RulesSyntaxException {

    private final String extension;

    public UnsupportedExtensionException(SourceLine line, String kind, String extension) {
        this(line, kind, extension, null);
    }

    public UnsupportedExtensionException(SourceLine line, String kind, String extension, String detail) {
        super(line, problem(kind, extension, detail));
        this.extension = extension;
    }

    /**
     * {@code unsupported iptables match 'quota'}; the kinds there are ({@link Unsupported#kind}) each read as a
     * phrase of their own, and so does the detail ebtables gives ({@code option --among-dst}).
     */
    private static Problem problem(String kind, String extension, String detail) {
        Problem what = switch (kind) {
            case "iptables match" -> Problem.of("rules.unsupported-iptables-match", extension);
            case "iptables target" -> Problem.of("rules.unsupported-iptables-target", extension);
            case "ebtables extension" -> Problem.of("rules.unsupported-ebtables-extension", extension);
            default -> Problem.of("rules.unsupported-extension", kind, extension);
        };
        if (detail == null) {
            return what;
        }
        if (detail.startsWith("option ")) {
            return Problem.of("rules.unsupported-with-option", what, detail.substring("option ".length()));
        }
        return Problem.of("rules.unsupported-with-detail", what, detail);
    }

    public String extension() {
        return extension;
    }
}
