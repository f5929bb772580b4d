package io.netfilterflow.trace;

/** The rule that decided a step: its text as the user wrote it, the line in that input, and which input. */
public record RuleRef(String input, int line, String text) {
}
