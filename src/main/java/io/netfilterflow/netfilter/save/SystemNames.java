package io.netfilterflow.netfilter.save;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names {@code iptables -L} prints instead of numbers, found where its resolver calls find them
 * on the machine running this app: ports in {@code /etc/services} ({@code getservbyport}), addresses
 * in {@code /etc/hosts} and {@code /etc/networks} ({@code gethostbyaddr}, {@code getnetbyaddr}),
 * users and groups in {@code /etc/passwd} and {@code /etc/group}. DNS is not asked, as on a host
 * without a resolver; a missing file leaves its numbers as numbers.
 */
public final class SystemNames {

    public static final SystemNames NONE = new SystemNames(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    private static volatile SystemNames system;

    private final Map<String, String> services;
    private final Map<Long, String> hosts;
    private final Map<Long, String> networks;
    private final Map<Long, String> users;
    private final Map<Long, String> groups;

    private SystemNames(Map<String, String> services, Map<Long, String> hosts, Map<Long, String> networks,
                        Map<Long, String> users, Map<Long, String> groups) {
        this.services = services;
        this.hosts = hosts;
        this.networks = networks;
        this.users = users;
        this.groups = groups;
    }

    /** This machine's files, read once. */
    public static SystemNames system() {
        SystemNames known = system;
        if (known == null) {
            known = new SystemNames(services(lines("/etc/services")), firstByKey(lines("/etc/hosts"), 0, 1,
                    SystemNames::dotted), firstByKey(lines("/etc/networks"), 1, 0, SystemNames::network),
                    accounts(lines("/etc/passwd")), accounts(lines("/etc/group")));
            system = known;
        }
        return known;
    }

    /** Only port names, from lines in the form of {@code /etc/services}. */
    public static SystemNames parse(List<String> servicesLines) {
        return new SystemNames(services(servicesLines), Map.of(), Map.of(), Map.of(), Map.of());
    }

    public Optional<String> service(int port, String protocol) {
        return Optional.ofNullable(services.get(port + "/" + protocol));
    }

    /** A host's name for a 32-bit address, else its network's name ({@code xtables_ipaddr_to_anyname}). */
    public Optional<String> address(long address) {
        return Optional.ofNullable(hosts.getOrDefault(address, networks.get(address)));
    }

    public Optional<String> user(long uid) {
        return Optional.ofNullable(users.get(uid));
    }

    public Optional<String> group(long gid) {
        return Optional.ofNullable(groups.get(gid));
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code name port/protocol [aliases] [# comment]}; the first name given for a port wins. */
    private static Map<String, String> services(List<String> lines) {
        Map<String, String> names = new HashMap<>();
        for (String line : lines) {
            String[] words = words(line);
            if (words.length >= 2 && words[1].contains("/")) {
                names.putIfAbsent(words[1], words[0]);
            }
        }
        return Map.copyOf(names);
    }

    /** The first line's name for each key (hosts: address then names; networks: name then number). */
    private static Map<Long, String> firstByKey(List<String> lines, int keyColumn, int nameColumn,
                                                Function<String, Long> key) {
        Map<Long, String> names = new HashMap<>();
        for (String line : lines) {
            String[] words = words(line);
            Long value = words.length >= 2 ? key.apply(words[keyColumn]) : null;
            if (value != null) {
                names.putIfAbsent(value, words[nameColumn]);
            }
        }
        return Map.copyOf(names);
    }

    /** {@code name:x:id:...}: the first name for each id. */
    private static Map<Long, String> accounts(List<String> lines) {
        Map<Long, String> names = new HashMap<>();
        for (String line : lines) {
            String[] fields = line.split(":");
            if (fields.length >= 3 && fields[2].matches("\\d{1,10}")) {
                names.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
            }
        }
        return Map.copyOf(names);
    }

    private static String[] words(String line) {
        return line.replaceFirst("#.*", "").trim().split("\\s+");
    }

    /** Four dotted bytes, else null (IPv6 lines of /etc/hosts). */
    private static Long dotted(String text) {
        String[] parts = text.split("\\.", -1);
        return parts.length == 4 ? network(text) : null;
    }

    /** {@code inet_network}: one to four dotted numbers, each a byte, folded left ({@code 127} is 0.0.0.127). */
    private static Long network(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return null;
            }
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }
}
