package io.netfilterflow.netfilter.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port names as {@code getservbyport()} finds them in {@code /etc/services}, which is where
 * {@code iptables -L} gets {@code http-alt} for 8080. Without the file, ports stay numbers, as they
 * would on a host without it.
 */
public final class Services {

    public static final Services NONE = new Services(Map.of());

    private static final Path SYSTEM_FILE = Path.of("/etc/services");
    private static volatile Services system;

    private final Map<String, String> names;

    private Services(Map<String, String> names) {
        this.names = names;
    }

    /** This machine's {@code /etc/services}, read once. */
    public static Services system() {
        Services known = system;
        if (known == null) {
            known = Files.isReadable(SYSTEM_FILE) ? read(SYSTEM_FILE) : NONE;
            system = known;
        }
        return known;
    }

    static Services read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            return NONE;
        }
    }

    /** {@code name port/protocol [aliases] [# comment]}; the first name given for a port wins. */
    static Services parse(List<String> lines) {
        Map<String, String> names = new HashMap<>();
        for (String line : lines) {
            String[] words = line.replaceFirst("#.*", "").trim().split("\\s+");
            if (words.length >= 2 && words[1].contains("/")) {
                names.putIfAbsent(words[1], words[0]);
            }
        }
        return new Services(Map.copyOf(names));
    }

    public Optional<String> name(int port, String protocol) {
        return Optional.ofNullable(names.get(port + "/" + protocol));
    }
}
