package io.netfilterflow.preset;

import io.netfilterflow.scenario.ScenarioReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scenarios under {@code classpath:scenarios/}, read once at start-up. Each must be a valid scenario:
 * a broken preset stops the app from starting rather than failing in a classroom.
 */
@Component
public class PresetCatalog {

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<Preset> presets = new ArrayList<>();
    private final JsonMapper json;
    private final PresetTranslations translations;

    public PresetCatalog(JsonMapper json) throws IOException {
        this.json = json;
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:scenarios/*.json");
        List<Resource> sorted = new ArrayList<>(List.of(files));
        sorted.sort(Comparator.comparing(Resource::getFilename));
        for (Resource file : sorted) {
            String text = read(file);
            ScenarioReader.read(text);
            JsonNode node = json.readTree(text);
            String id = file.getFilename().replaceFirst("\\.json$", "");
            texts.put(id, text);
            presets.add(new Preset(id, node.path("title").asString(id), summary(node.path("notes").asString(""))));
        }
        translations = new PresetTranslations(json, texts.keySet());
    }

    public List<Preset> list() {
        return List.copyOf(presets);
    }

    /** The menu in the reader's language: translated titles and summaries where there are some. */
    public List<Preset> list(Locale locale) {
        return presets.stream().map(preset -> translations.of(preset.id(), locale)
                .map(words -> new Preset(preset.id(), words.title(), summary(words.notes()))).orElse(preset)).toList();
    }

    /** The preset's scenario with its title and notes in the reader's language, or as shipped. */
    public Optional<String> text(String id, Locale locale) {
        Optional<PresetTranslations.Words> words = translations.of(id, locale);
        if (words.isEmpty()) {
            return text(id);
        }
        return text(id).map(text -> {
            ObjectNode scenario = (ObjectNode) json.readTree(text);
            scenario.put("title", words.get().title());
            scenario.put("notes", words.get().notes());
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(scenario) + "\n";
        });
    }

    /** The scenario text of a preset, as shipped. */
    public Optional<String> text(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    static String summary(String notes) {
        String flat = notes.replaceAll("\\s+", " ").trim();
        int full = flat.indexOf('。'); // Chinese ends a sentence without a blank
        int end = flat.indexOf(". ");
        if (full >= 0 && (end < 0 || full < end)) {
            return flat.substring(0, full + 1);
        }
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    private static String read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
