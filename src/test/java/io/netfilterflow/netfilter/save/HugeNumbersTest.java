package io.netfilterflow.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.support.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every number of every rule the extensions corpus holds (ports, lengths, marks, uids, ICMP codes,
 * counters, hit counts, rates, queue numbers, ...), replaced in turn by numbers past every width: the
 * rule is read or refused with its line, never another exception.
 */
class HugeNumbersTest {

    private static final List<String> EXTREMES = List.of("99999999999999999999", "18446744073709551616",
            "9223372036854775808", "4294967296", "2147483648", "65536", "-1", "0x1ffffffffffffffff");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @Test
    void iptablesRulesNumbersPastEveryWidthAreReadOrRefusedWithTheirLine() {
        assertThat(everyNumberReplaced("iptables", text -> IptablesSaveParser.parse(text))).isGreaterThan(500);
    }

    @Test
    void ebtablesRulesNumbersPastEveryWidthAreReadOrRefusedWithTheirLine() {
        assertThat(everyNumberReplaced("ebtables", text -> EbtablesSaveParser.parse(text))).isGreaterThan(100);
    }

    private static int everyNumberReplaced(String tool, Consumer<String> parser) {
        List<String> failures = new ArrayList<>();
        int inputs = 0;
        for (String line : Fixtures.read(Path.of("src/test/resources/rules/" + tool + "-extensions.psv")).split("\n")) {
            String[] parts = line.split("\\|");
            if (line.startsWith("#") || parts.length < 2) {
                continue;
            }
            Matcher numbers = NUMBER.matcher(parts[1]);
            while (numbers.find()) {
                for (String extreme : EXTREMES) {
                    String rule = parts[1].substring(0, numbers.start()) + extreme + parts[1].substring(numbers.end());
                    String text = "*" + parts[0] + "\n" + rule + "\nCOMMIT\n";
                    inputs++;
                    try {
                        parser.accept(text);
                    } catch (RulesSyntaxException e) {
                        if (e.line() != 2) {
                            failures.add(rule + " -> refused at line " + e.line());
                        }
                    } catch (RuntimeException e) {
                        failures.add(rule + " -> " + e);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        return inputs;
    }
}
