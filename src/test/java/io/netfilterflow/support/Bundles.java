package io.netfilterflow.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The message bundles as shipped (UTF-8 files under src/main/resources), for the tests that keep them in step. */
public final class Bundles {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private Bundles() {
    }

    /** {@code messages_ko.properties}, {@code reasons.properties}, … */
    public static Properties load(String fileName) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(fileName), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The placeholders {@code placeholder} finds in a message, by its first group: {@code {0}} or {@code {dst}}. */
    public static Set<String> placeholders(String message, Pattern placeholder) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = placeholder.matcher(message);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
