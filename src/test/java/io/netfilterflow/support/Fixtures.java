package io.netfilterflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios the kernel has spoken on: ../shared/kernel-truth's copies and those recorded with
 * {@code verify --record} under {@code scenarios/verified}, each a folder with {@code scenario.json}
 * and {@code kernel.trace}; and the presets the app ships.
 */
public final class Fixtures {

    private static final Path TEST_SCENARIOS = Path.of("src/test/resources/scenarios");
    private static final Path PRESETS = Path.of("src/main/resources/scenarios");

    private Fixtures() {
    }

    /** Folders holding a scenario and the kernel's trace of it. */
    public static List<Path> recorded() {
        return Stream.of("kernel-truth", "verified").flatMap(dir -> list(TEST_SCENARIOS.resolve(dir)))
                .filter(dir -> Files.isRegularFile(dir.resolve("kernel.trace"))).sorted().toList();
    }

    /** Every scenario file: the recorded fixtures' and the presets. */
    public static List<Path> scenarios() {
        return Stream.concat(recorded().stream().map(dir -> dir.resolve("scenario.json")),
                list(PRESETS).filter(file -> file.toString().endsWith(".json"))).sorted().toList();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
