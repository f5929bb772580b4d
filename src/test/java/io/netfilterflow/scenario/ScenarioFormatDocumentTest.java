package io.netfilterflow.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.netfilterflow.host.DeviceKind;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.routing.RouteType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code docs/scenario-format.md} documents every field the reader accepts. The fields are not listed here: the
 * reader is asked. Every object of every preset and recorded scenario gets a field the reader cannot know, and
 * the reader's refusal names the fields allowed at that place; a field added to the reader and not to the
 * document fails this test.
 */
class ScenarioFormatDocumentTest {

    private static final Path DOCUMENT = Path.of("docs/scenario-format.md");
    private static final String PROBE = "zz-not-a-field";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String document;
    /** Where an object may stand ({@code host.interfaces[]}) and the fields the reader allows there. */
    private static final Map<String, Set<String>> FIELDS = new TreeMap<>();
    private static final Set<String> SYSCTLS = new TreeSet<>();
    private static final Set<String> ASKED = new TreeSet<>();

    @BeforeAll
    static void askTheReader() throws IOException {
        document = Files.readString(DOCUMENT);
        for (Path file : scenarioFiles()) {
            JsonNode scenario = JSON.readTree(Files.readString(file));
            if (readable(scenario)) {
                probe(scenario, scenario, "");
            }
        }
    }

    @Test
    void theReaderWasAskedAtEveryKindOfPlace() {
        assertThat(FIELDS).containsKeys("", "host", "host.interfaces[]", "endpoints[]", "packets[]");
        assertThat(FIELDS.get("packets[]")).contains("from", "dst");
        assertThat(SYSCTLS).contains("net.ipv4.ip_forward");
    }

    @Test
    void everyFieldTheReaderAcceptsIsDocumented() {
        List<String> missing = new ArrayList<>();
        FIELDS.forEach((place, names) -> names.forEach(name -> {
            String path = place.isEmpty() ? name : place + "." + name;
            if (!documents(path)) {
                missing.add(path);
            }
        }));
        assertThat(missing).as("fields the reader accepts that %s does not name", DOCUMENT).isEmpty();
    }

    @Test
    void everySysctlTheReaderAcceptsIsDocumented() {
        assertThat(SYSCTLS.stream().filter(name -> !documents(name)).toList()).isEmpty();
        assertThat(documents("net.ipv4.conf.<interface>.rp_filter")).as("the per-device key").isTrue();
    }

    @Test
    void everyValueOfAnEnumeratedFieldIsDocumented() {
        Stream.of(Stream.of(DeviceKind.values()).map(DeviceKind::label), Stream.of(Backend.values()).map(Backend::label),
                Stream.of(RouteType.values()).map(RouteType::label), Stream.of("tcp", "udp", "icmp"))
                .flatMap(s -> s).forEach(value -> assertThat(documents(value)).as(value).isTrue());
    }

    @Test
    void everyCompleteExampleIsAScenarioTheReaderAccepts() {
        Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(document);
        int complete = 0;
        while (blocks.find()) {
            String json = blocks.group(1);
            if (json.contains("\"schema\"")) {
                complete++;
                assertThatCode(() -> ScenarioReader.read(json)).as(json).doesNotThrowAnyException();
            }
        }
        assertThat(complete).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDocumentSaysUnknownFieldsAreErrorsAndTheFormatGrowsCompatibly() {
        assertThat(document).contains(ScenarioReader.SCHEMA).contains("Unknown fields are errors")
                .contains("Extended compatibly");
    }

    private static boolean documents(String name) {
        return document.contains("`" + name + "`");
    }

    private static List<Path> scenarioFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> presets = Files.list(Path.of("src/main/resources/scenarios"));
             Stream<Path> recorded = Files.walk(Path.of("src/test/resources/scenarios"))) {
            Stream.concat(presets, recorded).filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        return files;
    }

    private static boolean readable(JsonNode scenario) {
        try {
            ScenarioReader.read(scenario.toString());
            return true;
        } catch (ScenarioException e) {
            return false;
        }
    }

    /** Puts an unknown field into each object under {@code node} (once per place) and keeps what the refusal allows. */
    private static void probe(JsonNode root, JsonNode node, String path) {
        if (node.isObject()) {
            String place = path.replaceAll("\\[\\d+]", "[]");
            if (ASKED.add(place)) {
                ask(root, path, place);
            }
            for (var entry : node.properties()) {
                probe(root, entry.getValue(), path.isEmpty() ? entry.getKey() : path + "." + entry.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                probe(root, node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void ask(JsonNode root, String path, String place) {
        JsonNode copy = root.deepCopy();
        ((ObjectNode) at(copy, path)).put(PROBE, 0);
        try {
            ScenarioReader.read(copy.toString());
        } catch (ScenarioException e) {
            List<Object> args = e.problem().args();
            switch (e.problem().key()) {
                case "scenario.unknown-field" -> FIELDS.put(place, names(args.get(1)));
                case "net.unknown-sysctl" -> SYSCTLS.addAll(names(args.get(1)));
                default -> { } // a map of names (ipsets): any name is allowed there
            }
        }
    }

    private static Set<String> names(Object list) {
        return new TreeSet<>(Arrays.asList(String.valueOf(list).split(", ")));
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
            Matcher indexed = Pattern.compile("([^\\[]+)((?:\\[\\d+])*)").matcher(part);
            indexed.matches();
            node = node.get(indexed.group(1));
            Matcher index = Pattern.compile("\\[(\\d+)]").matcher(indexed.group(2));
            while (index.find()) {
                node = node.get(Integer.parseInt(index.group(1)));
            }
        }
        return node;
    }
}
