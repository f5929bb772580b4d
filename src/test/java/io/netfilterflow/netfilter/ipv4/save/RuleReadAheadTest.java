package io.netfilterflow.netfilter.ipv4.save;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netfilterflow.cli.KubeProxyDump;
import io.netfilterflow.netfilter.ipv4.IptTable;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A dump read with its later rules read ahead on a second thread is the dump read by one thread: the same tables,
 * chains and rules with their lines, and for a broken dump the same first error, wherever the lines fall.
 */
class RuleReadAheadTest {

    private static final List<String> DUMP = KubeProxyDump.generate(2_500).lines().toList();

    @Test
    void theDumpIsLargeEnoughToBeReadAhead() {
        assertThat(String.join("\n", DUMP).length()).isBetween(RuleReadAhead.MIN_CHARS, RuleReadAhead.MAX_CHARS);
        assertThat(RuleReadAhead.startFor("*nat\nCOMMIT\n", null)).as("a small text is read by one thread").isNull();
    }

    @Test
    void everyCommandInTheLaterPartReadsAsWhenOneThreadReadsIt() {
        String text = edited(lines -> {
            int at = lines.size() * 4 / 5;
            String chain = lines.get(at).split(" ")[1];
            lines.addAll(at, List.of(
                    "[5:300] -A " + chain + " -j RETURN",
                    "--append " + chain + " -p udp -j ACCEPT",
                    "-I " + chain + " 1 -p tcp -j ACCEPT",
                    "   -A " + chain + " -m comment --comment \"a \\\"quoted\\\" word\" -j RETURN",
                    "# a comment among the rules",
                    "",
                    "-N KUBE-LATE",
                    "-A KUBE-LATE -j KUBE-MARK-MASQ",
                    "-A " + chain + " -j KUBE-LATE",
                    "-D " + chain + " -j RETURN",
                    "-A " + chain + " -j TPROXY --on-port 1"));
            return lines;
        });

        IptablesRuleset alone = IptablesSaveParser.parse(text);
        IptablesRuleset ahead = IptablesSaveParser.parseReadingAhead(text);
        assertThat(ahead.tables()).hasSameSizeAs(alone.tables());
        for (int i = 0; i < alone.tables().size(); i++) {
            IptTable table = alone.tables().get(i);
            assertThat(ahead.tables().get(i).name()).isEqualTo(table.name());
            assertThat(ahead.tables().get(i).chains()).isEqualTo(table.chains());
        }
        assertThat(ahead.unsupported()).isEqualTo(alone.unsupported()).hasSize(1);
        assertThat(IptablesSavePrinter.print(ahead)).isEqualTo(IptablesSavePrinter.print(alone));

        // the bytes an ASCII file was read into, longer than the text, with what a read left after it
        byte[] read = java.util.Arrays.copyOf(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                text.length() + 4);
        System.arraycopy(new byte[] {'"', '\'', '\\', ' '}, 0, read, text.length(), 4);
        IptablesRuleset fromRead = IptablesSaveParser.parseReadingAhead(text, read);
        assertThat(IptablesSavePrinter.print(fromRead)).isEqualTo(IptablesSavePrinter.print(alone));
        assertThat(fromRead.unsupported()).isEqualTo(alone.unsupported());
    }

    @Test
    void aBrokenLaterLineIsRefusedAsWhenOneThreadReadsIt() {
        int late = DUMP.size() * 9 / 10;
        String unknown = "-A KUBE-SERVICES -m tcp --bogus 1 -j ACCEPT";
        assertSameRefusal(edited(lines -> set(lines, late, unknown)), late);
        assertSameRefusal(edited(lines -> set(lines, late, "-A KUBE-SERVICES -m comment --comment \"open")), late);
        assertSameRefusal(edited(lines -> set(lines, late, "-A NO-SUCH-CHAIN -j ACCEPT")), late);
        assertSameRefusal(edited(lines -> set(lines, late, "[1:x] -A KUBE-SERVICES -j ACCEPT")), late);
        assertSameRefusal(edited(lines -> set(lines, late, "-A KUBE-SERVICES -j NO-SUCH-CHAIN")), late); // at COMMIT
    }

    @Test
    void theFirstOfTwoBrokenLinesIsRefusedWhicheverThreadReadsIt() {
        int early = DUMP.size() / 4;
        int late = DUMP.size() * 9 / 10;
        assertSameRefusal(edited(lines -> set(set(lines, late, "-A KUBE-SERVICES -m tcp --bogus 1 -j ACCEPT"),
                early, "-A KUBE-SERVICES -p tcp --dport x -j ACCEPT")), early);
        assertSameRefusal(edited(lines -> set(set(lines, late, "-A KUBE-SERVICES -m tcp --bogus 1 -j ACCEPT"),
                early, "COMMIT")), early + 1);
    }

    private static void assertSameRefusal(String text, int line) {
        RulesSyntaxException alone = catchThrowableOfType(() -> IptablesSaveParser.parse(text),
                RulesSyntaxException.class);
        RulesSyntaxException ahead = catchThrowableOfType(() -> IptablesSaveParser.parseReadingAhead(text),
                RulesSyntaxException.class);
        assertThat(alone).as("refused when read alone").isNotNull();
        assertThat(alone.line()).isEqualTo(line);
        assertThat(ahead).as("refused when read ahead").isNotNull();
        assertThat(ahead.getMessage()).isEqualTo(alone.getMessage());
    }

    private static String edited(UnaryOperator<List<String>> edit) {
        return String.join("\n", edit.apply(new ArrayList<>(DUMP))) + "\n";
    }

    /** Line {@code number} (from 1) replaced. */
    private static List<String> set(List<String> lines, int number, String line) {
        lines.set(number - 1, line);
        return lines;
    }
}
