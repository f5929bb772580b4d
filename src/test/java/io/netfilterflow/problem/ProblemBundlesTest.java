package io.netfilterflow.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Why input is refused reads in four languages: every problem key the code uses is in the English bundles, every
 * bundle has every key with the same arguments, and most sentences are translated.
 */
class ProblemBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern USED = Pattern.compile(
            "(?:Problem\\.of|\\.refuse|new InvalidValue)\\(\\s*\"([a-z][\\w.-]*)\"");

    @ParameterizedTest
    @ValueSource(strings = {"_ko", "_zh_CN", "_zh_TW"})
    void everyBundleHasEveryKeyWithTheSameArgumentsAndIsTranslated(String language) throws IOException {
        for (String bundle : ProblemText.BUNDLES) {
            Properties english = Bundles.load(bundle + ".properties");
            Properties translated = Bundles.load(bundle + language + ".properties");
            assertThat(translated.stringPropertyNames()).as("keys of %s%s", bundle, language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(translated.getProperty(key)).as(key).isNotBlank();
                assertThat(Bundles.placeholders(translated.getProperty(key), PLACEHOLDER))
                        .as("arguments of %s in %s%s", key, bundle, language)
                        .isEqualTo(Bundles.placeholders(english.getProperty(key), PLACEHOLDER));
            }
            long same = english.stringPropertyNames().stream()
                    .filter(key -> english.getProperty(key).equals(translated.getProperty(key))).count();
            assertThat(same).as("sentences left in English in %s%s", bundle, language)
                    .isLessThanOrEqualTo(2 + english.size() / 10);
        }
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundles() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String bundle : ProblemText.BUNDLES) {
            known.addAll(Bundles.load(bundle + ".properties").stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = USED.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).as("problem keys used in src/main/java").containsAll(used);
    }

    @Test
    void aProblemReadsInTheReadersLanguageWithItsPhrases() {
        Problem problem = Problem.of("scenario.at-rules-line", "host.iptables", 7, Problem.of("text", "x"));
        assertThat(ProblemText.ENGLISH.render(problem)).isEqualTo("host.iptables line 7: x");
        assertThat(ProblemText.of(Locale.KOREAN).render(problem)).contains("7", "host.iptables")
                .doesNotContain(" line ");
        assertThat(ProblemText.of(Locale.forLanguageTag("zh-TW")).render(problem)).contains("第 7 行");
    }
}
