package io.netfilterflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** The project's shared material (../shared), present beside a checkout in CI and on developer machines. */
public final class SharedFiles {

    private static final Path SHARED = Path.of("..", "shared");

    private SharedFiles() {
    }

    /** The folder, or the test is skipped with the reason (a user's fresh clone has no ../shared). */
    public static Path require(String folder) {
        Path path = SHARED.resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(path), () -> "skipped: " + path.toAbsolutePath()
                + " is absent (it exists beside the project's own checkouts, not in a user's clone)");
        return path;
    }

    public static List<Path> list(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
