package io.netfilterflow.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/** This program started again as a child process: the same Java, the jar (or the classes a test runs from). */
final class ThisProgram {

    private ThisProgram() {
    }

    /** The jar this program runs from, when it runs as {@code java -jar netfilter-flow.jar}. */
    static Optional<String> jar() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) {
            return Optional.empty();
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/") != null ? Optional.of(classPath) : Optional.empty(); // Spring Boot's own
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The quick start the build puts beside the jar ({@code target/netfilter-flow}: the extracted jar with its class
     * data archives), when there is one.
     */
    static Optional<Path> launcher() {
        return jar().map(jar -> Path.of(jar).toAbsolutePath().resolveSibling("netfilter-flow")).filter(Files::isExecutable);
    }

    /** The command that starts it with these JVM options, before its own arguments. */
    static List<String> command(String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions));
        jar().ifPresentOrElse(jar -> command.addAll(List.of("-jar", jar)), () -> command.addAll(List.of("-cp",
                System.getProperty("java.class.path"), "io.netfilterflow.NetfilterFlowApplication")));
        return command;
    }
}
