package io.netfilterflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language's bundle has exactly the English keys, each message the same placeholders, and every message
 * is a valid MessageFormat pattern (a stray quote would swallow a placeholder).
 */
class I18nPropertiesSyncTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "zh_CN", "zh_TW"})
    void aBundleHasEveryKeyWithTheSamePlaceholders(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");

        assertThat(translated.stringPropertyNames()).as("keys of messages_%s", language)
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            String message = translated.getProperty(key);
            assertThat(message).as(key).isNotBlank();
            assertThat(placeholders(message)).as("placeholders of %s", key)
                    .isEqualTo(placeholders(english.getProperty(key)));
            if (!placeholders(message).isEmpty()) {
                Object[] args = placeholders(message).stream().map(n -> "<" + n + ">").toArray();
                String formatted = new MessageFormat(message, Locale.ROOT).format(args);
                placeholders(message).forEach(n -> assertThat(formatted).as(key).contains("<" + n + ">"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "zh_CN", "zh_TW"})
    void mostOfABundleIsTranslated(String language) throws IOException {
        Properties english = load("messages.properties");
        Properties translated = load("messages_" + language + ".properties");
        long same = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(translated.getProperty(key))).count();
        // only the kernel's and the tools' own words stay as they are (iptables, TTL, br_netfilter, ...)
        assertThat(same).as("messages left in English in messages_%s", language)
                .isLessThan(english.size() / 5);
    }
}
