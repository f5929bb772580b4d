package io.netfilterflow.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every preset has its title and notes in Korean and both Chinese scripts, and a translation changes only words:
 * every {@code code span} (rules, addresses, commands) of the English notes is there unchanged.
 */
class PresetTranslationsTest {

    private static final Path PRESETS = Path.of("src/main/resources/scenarios");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CODE = Pattern.compile("`[^`]+`");

    private static List<String> codeSpans(String notes) {
        List<String> spans = new ArrayList<>();
        Matcher matcher = CODE.matcher(notes);
        while (matcher.find()) {
            spans.add(matcher.group());
        }
        return spans;
    }

    private static List<String> presetIds() throws Exception {
        try (Stream<Path> files = Files.list(PRESETS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.replaceFirst("\\.json$", "")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "zh_CN", "zh_TW"})
    void everyPresetIsTranslatedAndKeepsItsCodeSpans(String language) throws Exception {
        for (String id : presetIds()) {
            Path file = PRESETS.resolve("i18n").resolve(language).resolve(id + ".json");
            assertThat(file).as("%s in %s", id, language).exists();
            JsonNode english = JSON.readTree(Fixtures.read(PRESETS.resolve(id + ".json")));
            JsonNode translated = JSON.readTree(Fixtures.read(file));
            String notes = translated.path("notes").asString("");
            assertThat(translated.path("title").asString("")).as(id).isNotBlank()
                    .isNotEqualTo(english.path("title").asString());
            assertThat(notes).as(id).isNotBlank().isNotEqualTo(english.path("notes").asString());
            assertThat(codeSpans(notes)).as("code spans of %s in %s", id, language)
                    .containsExactlyInAnyOrderElementsOf(codeSpans(english.path("notes").asString()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ko", "zh-CN", "zh-Hans", "zh-TW", "zh-HK", "zh-Hant"})
    void theMenuAndTheScenarioSpeakTheReadersLanguage(String tag) throws Exception {
        PresetCatalog catalog = new PresetCatalog(JSON);
        Locale locale = Locale.forLanguageTag(tag);
        String folder = PresetTranslations.folder(locale);
        JsonNode words = JSON.readTree(Fixtures.read(PRESETS.resolve("i18n/" + folder + "/raw-notrack.json")));

        Preset preset = catalog.list(locale).stream().filter(p -> p.id().equals("raw-notrack")).findFirst().orElseThrow();
        assertThat(preset.title()).isEqualTo(words.path("title").asString());
        assertThat(preset.summary()).isNotBlank().isNotEqualTo(words.path("notes").asString().strip());

        JsonNode scenario = JSON.readTree(catalog.text("raw-notrack", locale).orElseThrow());
        JsonNode shipped = JSON.readTree(catalog.text("raw-notrack").orElseThrow());
        assertThat(scenario.path("notes").asString()).isEqualTo(words.path("notes").asString());
        assertThat(scenario.path("host")).as("only the words change").isEqualTo(shipped.path("host"));
        assertThat(scenario.path("packets")).isEqualTo(shipped.path("packets"));
        assertThat(catalog.text("raw-notrack", Locale.ENGLISH)).as("English is the shipped file, byte for byte")
                .isEqualTo(catalog.text("raw-notrack"));
    }
}
