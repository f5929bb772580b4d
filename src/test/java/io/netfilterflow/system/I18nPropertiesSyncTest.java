package io.netfilterflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Bundles;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language's bundle has exactly the English keys, each message the same placeholders, and every message
 * is a valid MessageFormat pattern (a stray quote would swallow a placeholder).
 */
class I18nPropertiesSyncTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"ko", "zh_CN", "zh_TW"})
    void aBundleHasEveryKeyWithTheSamePlaceholders(String language) throws IOException {
        Properties english = Bundles.load("messages.properties");
        Properties translated = Bundles.load("messages_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).as("keys of messages_%s", language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String message = translated.getProperty(key);
            assertThat(message).as(key).isNotBlank();
            assertThat(Bundles.placeholders(message, PLACEHOLDER)).as("placeholders of %s", key)
                    .isEqualTo(Bundles.placeholders(english.getProperty(key), PLACEHOLDER));
            Set<String> placeholders = Bundles.placeholders(message, PLACEHOLDER);
            if (!placeholders.isEmpty()) {
                Object[] args = placeholders.stream().map(n -> "<" + n + ">").toArray();
                String formatted = new MessageFormat(message, Locale.ROOT).format(args);
                placeholders.forEach(n -> assertThat(formatted).as(key).contains("<" + n + ">"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "zh_CN", "zh_TW"})
    void mostOfABundleIsTranslated(String language) throws IOException {
        Properties english = Bundles.load("messages.properties");
        Properties translated = Bundles.load("messages_" + language + ".properties");
        long same = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(translated.getProperty(key))).count();
        // only the kernel's and the tools' own words stay as they are (iptables, TTL, br_netfilter, ...)
        assertThat(same).as("messages left in English in messages_%s", language)
                .isLessThan(english.size() / 5);
    }
}
