package io.netfilterflow.netfilter.save;

import io.netfilterflow.problem.Problem;

/** A real iptables/ebtables extension this project does not model; refused by name, never guessed. */
public class UnsupportedExtensionException extends RulesSyntaxException {

    private final String extension;

    public UnsupportedExtensionException(SourceLine line, String kind, String extension) {
        this(line, kind, extension, null);
    }

    /** {@code option}: the option not understood, or null. */
    public UnsupportedExtensionException(SourceLine line, String kind, String extension, String option) {
        super(line, problem(kind, extension, option));
        this.extension = extension;
    }

    /**
     * {@code unsupported iptables match 'quota'}; the kinds there are ({@link Unsupported#kind}) each read as a
     * phrase of their own; ebtables names the option it did not understand ({@code --among-dst}).
     */
    private static Problem problem(String kind, String extension, String option) {
        Problem what = switch (kind) {
            case "iptables match" -> Problem.of("rules.unsupported-iptables-match", extension);
            case "iptables target" -> Problem.of("rules.unsupported-iptables-target", extension);
            case "ebtables extension" -> Problem.of("rules.unsupported-ebtables-extension", extension);
            default -> Problem.of("rules.unsupported-extension", kind, extension);
        };
        return option == null ? what : Problem.of("rules.unsupported-with-option", what, option);
    }

    public String extension() {
        return extension;
    }
}
