package io.netfilterflow.netfilter.save;


/** Where a ruleset uses an extension it keeps but does not model. */
public record UnsupportedUse(Unsupported extension, SourceLine line) {

    /** As the parsers would refuse it: {@code unsupported iptables match 'quota'}. */
    public UnsupportedExtensionException toException() {
        return new UnsupportedExtensionException(line, extension.kind(), extension.name(), extension.option());
    }
}
