package io.netfilterflow.preset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The presets' titles and teacher notes in other languages, {@code classpath:scenarios/i18n/<language>/<id>.json}
 * ({@code ko}, {@code zh_CN} simplified, {@code zh_TW} traditional), each {@code {"title": ..., "notes": ...}}.
 * Only the words change: the host, rules and packets are the shipped scenario's.
 */
final class PresetTranslations {

    /** A preset's title and notes in one language. */
    record Words(String title, String notes) {
    }

    private final Map<String, Map<String, Words>> byLanguage = new HashMap<>();

    /** Reads every translation; one for an unknown preset, or without its title or notes, stops the app. */
    PresetTranslations(JsonMapper json, Set<String> presets) throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/i18n/*/*.json")) {
            String language = language(file);
            String id = file.getFilename().replaceFirst("\\.json$", "");
            if (!presets.contains(id)) {
                throw new IllegalStateException("scenarios/i18n/" + language + "/" + id + ".json: no preset " + id);
            }
            JsonNode node = json.readTree(read(file));
            String title = node.path("title").asString("");
            String notes = node.path("notes").asString("");
            if (title.isBlank() || notes.isBlank()) {
                throw new IllegalStateException("scenarios/i18n/" + language + "/" + id + ".json: title and notes wanted");
            }
            byLanguage.computeIfAbsent(language, k -> new HashMap<>()).put(id, new Words(title, notes));
        }
    }

    /** The preset's words in the reader's language, when that language has them. */
    Optional<Words> of(String id, Locale locale) {
        String language = folder(locale);
        return language == null ? Optional.empty()
                : Optional.ofNullable(byLanguage.getOrDefault(language, Map.of()).get(id));
    }

    /** The folder of a locale's translations: Korean, simplified or traditional Chinese; null for English. */
    static String folder(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ko" -> "ko";
            case "zh" -> locale.getScript().equals("Hant") || Set.of("TW", "HK", "MO").contains(locale.getCountry())
                    ? "zh_TW" : "zh_CN";
            default -> null;
        };
    }

    private static String language(Resource file) throws IOException {
        String path = file.getURL().toString();
        String parent = path.substring(0, path.lastIndexOf('/'));
        return parent.substring(parent.lastIndexOf('/') + 1);
    }

    private static String read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
