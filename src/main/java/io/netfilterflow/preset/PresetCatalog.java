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
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenarios under {@code classpath:scenarios/}, read once at start-up. Each must be a valid scenario:
 * a broken preset stops the app from starting rather than failing in a classroom.
 */
@Component
public class PresetCatalog {

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<Preset> presets = new ArrayList<>();

    public PresetCatalog(JsonMapper json) throws IOException {
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
    }

    public List<Preset> list() {
        return List.copyOf(presets);
    }

    /** The scenario text of a preset, as shipped. */
    public Optional<String> text(String id) {
        return Optional.ofNullable(texts.get(id));
    }

    static String summary(String notes) {
        String flat = notes.replaceAll("\\s+", " ").trim();
        int end = flat.indexOf(". ");
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
