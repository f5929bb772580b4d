package io.netfilterflow.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceLineTest {

    @Test
    void linesOfATextAreNumberedAndEndAtTheirNewline() {
        List<SourceLine> lines = lines("*filter\n\n  COMMIT \nlast");
        assertThat(lines).extracting(SourceLine::number).containsExactly(1, 2, 3, 4);
        assertThat(lines).extracting(SourceLine::text).containsExactly("*filter", "", "  COMMIT ", "last");
    }

    @Test
    void aLineReadFromATextEqualsTheSameLineMadeAlone() {
        SourceLine read = lines("# first\n-A INPUT -j DROP\n").get(1);
        assertThat(read).isEqualTo(new SourceLine(2, "-A INPUT -j DROP"))
                .hasSameHashCodeAs(new SourceLine(2, "-A INPUT -j DROP"))
                .isNotEqualTo(new SourceLine(3, "-A INPUT -j DROP"))
                .isNotEqualTo(new SourceLine(2, "-A INPUT -j DROP "));
        assertThat(read).hasToString("SourceLine[number=2, text=-A INPUT -j DROP]");
    }

    @Test
    void aTextReadInPartsIsReadAsOneWithItsLinesNumberedOnce() {
        String text = "a\nbb\nccc\ndddd";
        List<SourceLine> lines = new ArrayList<>();
        int before = SourceLine.forEachBefore(text, text.indexOf("ccc"), lines::add);
        int next = lines.get(lines.size() - 1).nextStart();
        int last = SourceLine.forEachFrom(text, next, before + 1, line -> lines.add(line) && line.number() < 3);
        assertThat(before).isEqualTo(2);
        assertThat(last).isEqualTo(3);
        assertThat(SourceLine.forEachFrom(text, lines.get(2).nextStart(), last + 1, lines::add)).isEqualTo(4);
        assertThat(SourceLine.forEachFrom(text, text.length(), 5, lines::add)).as("none left").isEqualTo(4);
        assertThat(lines).isEqualTo(lines(text));
    }

    @Test
    void aLineMadeAloneKeepsAllOfItsText() {
        assertThat(new SourceLine(1, "a\nb").text()).isEqualTo("a\nb");
        assertThat(new SourceLine(1, null).text()).isEmpty();
    }

    @Test
    void theFirstVisibleCharacterAndAWholeWordAreFoundInPlace() {
        List<SourceLine> lines = lines(" \t\n  COMMIT\r\nCOMMITS\n\u0000x");
        assertThat(lines).extracting(SourceLine::firstVisible).containsExactly(-1, (int) 'C', (int) 'C', 0);
        assertThat(lines).extracting(line -> line.is("COMMIT")).containsExactly(false, true, false, false);
    }

    private static List<SourceLine> lines(String text) {
        List<SourceLine> lines = new ArrayList<>();
        SourceLine.forEach(text, lines::add);
        return lines;
    }
}
