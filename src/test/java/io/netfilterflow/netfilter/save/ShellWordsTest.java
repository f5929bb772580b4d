package io.netfilterflow.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnBlanksAndKeepsQuotedSpacesAndTrailingSpace() {
        assertThat(words("-A INPUT  -j LOG\t--log-prefix \"[UFW BLOCK] \""))
                .containsExactly("-A", "INPUT", "-j", "LOG", "--log-prefix", "[UFW BLOCK] ");
    }

    @Test
    void readsTheEscapesIptablesSaveWritesInsideDoubleQuotes() {
        assertThat(words("--comment \"the pod\\'s \\\"web\\\" port \\\\ 80\""))
                .containsExactly("--comment", "the pod's \"web\" port \\ 80");
    }

    @Test
    void keepsOtherBackslashesInsideDoubleQuotes() {
        assertThat(words("\"a\\nb\"")).containsExactly("a\\nb");
    }

    @Test
    void singleQuotesAreLiteralAndQuotesJoinAdjacentText() {
        assertThat(words("'a \"b\"' pre\"fix post\"fix x\\ y")).containsExactly("a \"b\"", "prefix postfix", "x y");
    }

    @Test
    void anEmptyQuotedWordIsAWord() {
        assertThat(words("--comment \"\" -j ACCEPT")).containsExactly("--comment", "", "-j", "ACCEPT");
    }

    @Test
    void keepsShellMetacharactersOfUnquotedWords() {
        assertThat(words("--match-set weave-;rGqyMIl1HN^cfDki~Z$3]6!N dst"))
                .containsExactly("--match-set", "weave-;rGqyMIl1HN^cfDki~Z$3]6!N", "dst");
    }

    @Test
    void unterminatedQuotesAreErrorsOnTheirLine() {
        assertThatThrownBy(() -> ShellWords.split(new SourceLine(12, "--comment \"open")))
                .hasMessage("line 12: unterminated double quote");
        assertThatThrownBy(() -> ShellWords.split(new SourceLine(3, "--comment 'open")))
                .hasMessage("line 3: unterminated single quote");
    }

    @Test
    void aLineOfALargerTextEndsAtItsNewline() {
        java.util.List<java.util.List<String>> lines = new java.util.ArrayList<>();
        SourceLine.forEach("-A X -m comment --comment \"a b\"\n\"c\" d\n", line -> lines.add(ShellWords.split(line)));
        assertThat(lines).containsExactly(java.util.List.of("-A", "X", "-m", "comment", "--comment", "a b"),
                java.util.List.of("c", "d"));
    }

    @Test
    void aQuoteLeftOpenIsNotClosedByTheNextLine() {
        java.util.List<SourceLine> lines = new java.util.ArrayList<>();
        SourceLine.forEach("--comment \"open\n\"x\"\n--comment 'open\n'y'\n", lines::add);
        assertThatThrownBy(() -> ShellWords.split(lines.get(0))).hasMessage("line 1: unterminated double quote");
        assertThatThrownBy(() -> ShellWords.split(lines.get(2))).hasMessage("line 3: unterminated single quote");
    }

    @Test
    void aQuotedWordJoinsTheTextRightAfterIt() {
        assertThat(words("\"ab\"cd \"x\"\"y\" \"e\"")).containsExactly("abcd", "xy", "e");
    }

    @Test
    void aReusedListHoldsOnlyTheLastLine() {
        java.util.List<String> words = new java.util.ArrayList<>();
        ShellWords.split(new SourceLine(1, "-A INPUT -j DROP"), words);
        assertThat(ShellWords.split(new SourceLine(2, "COMMIT"), words)).containsExactly("COMMIT");
    }

    @Test
    void wordsBeyondAsciiAreWordsLikeAnyOther() {
        assertThat(words("-m comment --comment 默认策略 --comment \"규칙 하나\" ñ\\ é\r"))
                .containsExactly("-m", "comment", "--comment", "默认策略", "--comment", "규칙 하나", "ñ é");
    }

    @Test
    void charactersWhoseLowByteIsABlankAQuoteOrABackslashAndPairsOfSurrogatesArePlain() {
        // U+4E20 and U+4E5C end in the bytes of a blank and a backslash; an emoji is two chars, one code point
        assertThat(words("\uD83D\uDE00 -A \u4E20\u4E5C\"x \uD83D\uDE00\"y \uD83D\uDE00z \u5C22"))
                .containsExactly("\uD83D\uDE00", "-A", "\u4E20\u4E5Cx \uD83D\uDE00y", "\uD83D\uDE00z", "\u5C22");
    }

    @Test
    void aTextCopiedOnceAsBytesSplitsAsEachLineDoes() {
        String text = "-A X -m comment --comment \"a b\"\n\u9ed8 'c d' e\\ f\n\"x\"y \"\\\"q\\\"\" z\n";
        byte[] bytes = ShellWords.bytesOf(text);
        java.util.List<java.util.List<String>> once = new java.util.ArrayList<>();
        java.util.List<java.util.List<String>> each = new java.util.ArrayList<>();
        SourceLine.forEach(text, line -> {
            once.add(java.util.List.copyOf(ShellWords.split(line, new java.util.ArrayList<>(), bytes)));
            each.add(ShellWords.split(line));
        });

        assertThat(once).isEqualTo(each).containsExactly(
                java.util.List.of("-A", "X", "-m", "comment", "--comment", "a b"),
                java.util.List.of("\u9ed8", "c d", "e f"), java.util.List.of("xy", "\"q\"", "z"));
        assertThat(ShellWords.bytesOf("\uD83D\uDE00 a")).as("a pair of surrogates is one byte").isNull();
    }

    @Test
    void commonWordsAreOneStringAndOthersAreCopiesOfTheirText() {
        java.util.List<String> first = words("-A KUBE-SERVICES -m comment -j ACCEPT --commentx -");
        java.util.List<String> second = words("-A KUBE-SERVICES -m comment -j ACCEPT --commentx -");
        assertThat(first).containsExactly("-A", "KUBE-SERVICES", "-m", "comment", "-j", "ACCEPT", "--commentx", "-");
        for (int i = 0; i < 6; i++) {
            assertThat(first.get(i)).as(first.get(i)).isSameAs(second.get(i));
        }
        assertThat(first.get(6)).isEqualTo(second.get(6)).isNotSameAs(second.get(6));
    }

    private static java.util.List<String> words(String text) {
        return ShellWords.split(new SourceLine(1, text));
    }
}
