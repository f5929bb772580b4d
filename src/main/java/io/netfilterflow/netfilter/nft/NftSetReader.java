package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code set NAME { ... }} and {@code map NAME { ... }}: {@code type} or {@code typeof}, {@code flags},
 * {@code elements = { ... }}, and {@code size}, {@code policy}, {@code auto-merge}, {@code comment} (which do
 * not change what matches). A set's default {@code timeout} and {@code gc-interval} are read too (kube-proxy's
 * session-affinity sets have them): they only age elements that the packet path adds ({@code update @set}), a
 * statement the compiler refuses, and an element listed with its own {@code timeout} or {@code expires} is
 * refused when compiled. Per-set state ({@code counter}, {@code quota}, {@code limit}, {@code ct}) is refused by
 * name: it changes while packets pass.
 */
final class NftSetReader {

    private static final Set<String> IGNORED = Set.of("size", "policy", "auto-merge", "timeout", "gc-interval", "comment");
    private static final Set<String> STATEFUL = Set.of("counter", "quota", "limit", "ct");

    private final NftBlockReader in;

    NftSetReader(NftBlockReader in) {
        this.in = in;
    }

    NftSet set(boolean map, int line) {
        String name = in.name(map ? "a map name" : "a set name");
        Long handle = in.open();
        String type = null;
        boolean typeof = false;
        List<String> flags = List.of();
        List<String> statements = new ArrayList<>();
        List<String> elements = List.of();
        List<Integer> elementLines = new ArrayList<>();
        String source = in.source();
        while (true) {
            NftStatement statement = in.statement();
            if (statement.isEmpty()) {
                if (in.next().is(NftToken.Kind.END)) {
                    throw new RulesSyntaxException(line, Problem.of("rules.nft-unclosed-block",
                            (map ? "map " : "set ") + name));
                }
                break;
            }
            String word = statement.word(source, 0);
            switch (word) {
                case "type", "typeof" -> {
                    type = statement.text(source, 1);
                    typeof = word.equals("typeof");
                }
                case "flags" -> flags = statement.words(source, 1).stream().filter(flag -> !flag.equals(",")).toList();
                case "elements" -> {
                    elementLines.clear();
                    elements = elements(statement, source, elementLines);
                }
                default -> {
                    String where = (map ? "map " : "set ") + name;
                    if (STATEFUL.contains(word)) {
                        throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-unsupported-in", word, where));
                    }
                    if (!IGNORED.contains(word)) {
                        throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-unknown-keyword", word, where));
                    }
                    statements.add(statement.text(source, 0));
                }
            }
        }
        if (type == null || type.isEmpty()) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-set-needs-type", name));
        }
        return new NftSet(name, line, handle, map, typeof, type, flags, statements, elements, elementLines);
    }

    /**
     * The elements of {@code elements = { a, b : c, ... }}, each as written between the commas; adds to
     * {@code lines} how many start on each line, when they take more than one.
     */
    private static List<String> elements(NftStatement statement, String source, List<Integer> lines) {
        List<NftToken> tokens = statement.tokens();
        if (tokens.size() < 4 || !statement.word(source, 1).equals("=") || !tokens.get(2).is(NftToken.Kind.OPEN)
                || !tokens.get(tokens.size() - 1).is(NftToken.Kind.CLOSE)) {
            throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-expected",
                    "elements = { ... }", statement.text(source, 0)));
        }
        List<String> elements = new ArrayList<>();
        int depth = 0;
        int first = 3;
        int lastLine = -1;
        for (int i = 3; i < tokens.size(); i++) {
            NftToken token = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (depth == 0 && (token.is(NftToken.Kind.COMMA) || last)) {
                if (i > first) {
                    elements.add(source.substring(tokens.get(first).start(), tokens.get(i - 1).end()));
                    int line = tokens.get(first).line();
                    if (lines.isEmpty() || line != lastLine) {
                        lines.add(0);
                        lastLine = line;
                    }
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1) + 1);
                }
                first = i + 1;
            } else if (token.is(NftToken.Kind.OPEN)) {
                depth++;
            } else if (token.is(NftToken.Kind.CLOSE)) {
                depth--;
            }
        }
        if (lines.size() == 1) {
            lines.clear();
        }
        return elements;
    }
}
