package io.netfilterflow.netfilter.save;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a reason, never a crash: thousands of seeded mutations of valid rules (words
 * dropped, swapped, duplicated, truncated, replaced by odd values) either load or are refused
 * with a {@link RulesSyntaxException} that names a line.
 */
class ParserRobustnessTest {

    private static final String[] ODD = {"!", "-", "--", "\"", "'", "\\", "0", "-1", "4294967296", "99999999999999999999",
        "0x", "0xZZ", "/", ":", "::", "a:b", "1.2.3", "1.2.3.4/", "1.2.3.4/99", "1-", ":65536", "65536", "=", "-j", "-m",
        "ALL", "NONE", ",", ",,", "x,y", "\u00e9", "1/", "1/x", "256.1.1.1", "-p", "--dport", "tcp", "Length", "IPv4"};

    @Test
    void iptablesMutationsLoadOrAreRefusedWithALine() throws IOException {
        fuzz(rules("/rules/iptables-extensions.psv"), true, Integer.getInteger("fuzz.rounds", 4000));
    }

    @Test
    void ebtablesMutationsLoadOrAreRefusedWithALine() throws IOException {
        fuzz(rules("/rules/ebtables-extensions.psv"), false, Integer.getInteger("fuzz.rounds", 2000));
    }

    private static void fuzz(List<String[]> cases, boolean iptables, int rounds) {
        Consumer<String> parser = iptables ? IptablesSaveParser::parse : EbtablesSaveParser::parse;
        Random random = new Random(Long.getLong("fuzz.seed", 20261122));
        int loaded = 0;
        for (int round = 0; round < rounds; round++) {
            String[] c = cases.get(random.nextInt(cases.size()));
            String rule = mutate(c[1], random);
            try {
                parser.accept(table(c[0], rule, iptables));
                loaded++;
            } catch (RulesSyntaxException e) {
                assertThat(e.getMessage()).as(rule).matches("(?s)line 4: .+");
            } catch (RuntimeException e) {
                throw new AssertionError("crashed on: " + rule, e);
            }
        }
        // both outcomes must be common, or the mutations exercise too little
        assertThat(loaded).isBetween(rounds / 50, rounds - rounds / 50);
    }

    private static String mutate(String rule, Random random) {
        List<String> words = new ArrayList<>(List.of(rule.split(" ")));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && words.size() > 2; i++) {
            int at = 2 + random.nextInt(words.size() - 2);
            switch (random.nextInt(5)) {
                case 0 -> words.remove(at);
                case 1 -> words.add(at, words.get(2 + random.nextInt(words.size() - 2)));
                case 2 -> words.set(at, ODD[random.nextInt(ODD.length)]);
                case 3 -> words.set(at, words.get(at).substring(0, random.nextInt(words.get(at).length() + 1)));
                default -> words.add(at, ODD[random.nextInt(ODD.length)]);
            }
        }
        return String.join(" ", words);
    }

    /** The rule is always on line 4. */
    private static String table(String table, String rule, boolean iptables) {
        return iptables ? "*" + table + "\n:user - [0:0]\n:other - [0:0]\n" + rule + "\nCOMMIT\n"
                : "*" + table + "\n:foo ACCEPT\n:foo2 RETURN\n" + rule + "\n";
    }

    private static List<String[]> rules(String resource) throws IOException {
        List<String[]> cases = new ArrayList<>();
        try (InputStream in = ParserRobustnessTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    cases.add(line.split("\\|", 3));
                }
            }
        }
        return cases;
    }
}
