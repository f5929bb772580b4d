package io.netfilterflow.routing;

import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's routing tables and policy rules ({@code fib_lookup}, {@code fib_rules_lookup}): the local table,
 * derived from the addresses as the kernel derives it, the main table and any other, each looked up by longest
 * prefix and lowest metric, in the order the rules give (by default local, main, default).
 */
public final class Fib {

    /** The lookup's outcome: a route, or the rule that refused it ({@code blackhole}, {@code prohibit}...), or neither. */
    public record Result(Route route, IpRule refusedBy) {
    }

    private final List<Route> local;
    private final List<Route> main;
    private final Map<Integer, List<Route>> tables;
    private final List<IpRule> rules;

    private Fib(List<Route> local, List<Route> main, Map<Integer, List<Route>> tables, List<IpRule> rules) {
        this.local = List.copyOf(local);
        this.main = List.copyOf(main);
        this.tables = Map.copyOf(tables);
        this.rules = rules.stream().sorted(Comparator.comparingInt(IpRule::priority)).toList();
    }

    /** The kernel's own rules: local, main, default. */
    public static final List<IpRule> STANDARD_RULES = List.of(IpRule.standard(0, Route.LOCAL),
            IpRule.standard(32766, Route.MAIN), IpRule.standard(32767, Route.DEFAULT));

    /** The tables for these devices and routes (main unless they say {@code table N}), with the standard rules. */
    public static Fib of(List<? extends Link> devices, List<Route> routes) {
        return of(devices, routes, STANDARD_RULES);
    }

    /** The tables for these devices and routes, looked up as these rules say; prefix routes of addresses are added. */
    public static Fib of(List<? extends Link> devices, List<Route> routes, List<IpRule> rules) {
        List<Route> local = new ArrayList<>();
        List<Route> main = new ArrayList<>();
        Map<Integer, List<Route>> tables = new HashMap<>();
        for (Route route : routes) {
            if (route.table() == Route.MAIN) {
                main.add(route);
            } else if (route.table() != Route.LOCAL) {
                tables.computeIfAbsent(route.table(), t -> new ArrayList<>()).add(route);
            }
        }
        for (Link device : devices) {
            for (InterfaceAddress address : device.addresses()) {
                Ipv4Prefix host = new Ipv4Prefix(address.address(), -1);
                local.add(new Route(RouteType.LOCAL, host, null, device.name(), address.address(), 0,
                        "local " + address.address() + " dev " + device.name() + " (derived)"));
                if (device.isLoopback()) {
                    local.add(new Route(RouteType.LOCAL, address.network(), null, device.name(), address.address(), 0,
                            "local " + address.network() + " dev " + device.name() + " (derived)"));
                    continue;
                }
                Ipv4Address broadcast = address.broadcast();
                if (broadcast != null) {
                    local.add(new Route(RouteType.BROADCAST, new Ipv4Prefix(broadcast, -1), null, device.name(),
                            address.address(), 0, "broadcast " + broadcast + " dev " + device.name() + " (derived)"));
                }
                boolean listed = routes.stream().anyMatch(r -> r.table() == Route.MAIN
                        && r.destination().equals(address.network()) && device.name().equals(r.device()));
                if (!listed && address.length() < 32) {
                    main.add(new Route(RouteType.UNICAST, address.network(), null, device.name(), address.address(),
                            0, address.network() + " dev " + device.name() + " proto kernel scope link src "
                            + address.address() + " (derived)"));
                }
            }
        }
        // the local table's own lines (ip route show table all prints them) are the derived ones, or added
        for (Route route : routes) {
            if (route.table() == Route.LOCAL && local.stream().noneMatch(r -> r.type() == route.type()
                    && r.destination().equals(route.destination()))) {
                local.add(route);
            }
        }
        return new Fib(local, main, tables, rules);
    }

    /** The route for {@code destination} with no source, device or mark, or null when there is none. */
    public Route lookup(Ipv4Address destination) {
        return route(FibFlow.to(destination)).route();
    }

    /**
     * {@code fib_rules_lookup}: the rules by priority; a matching rule's table that has a route for the flow gives
     * it (one without, or a {@code throw} route, leaves it to the next rule); {@code goto} jumps to the rule of that
     * priority; {@code blackhole}, {@code prohibit} and {@code unreachable} end the lookup refused.
     */
    public Result route(FibFlow flow) {
        for (int i = 0; i < rules.size(); i++) {
            IpRule rule = rules.get(i);
            if (!rule.matches(flow)) {
                continue;
            }
            switch (rule.action()) {
                case NOP -> {
                }
                case GOTO -> {
                    int target = indexOf(rule.target());
                    if (target > i) {
                        i = target - 1;
                    }
                }
                case LOOKUP -> {
                    Route found = best(table(rule.target()), flow.destination());
                    if (found != null && found.type() != RouteType.THROW) {
                        return new Result(found, null);
                    }
                }
                default -> {
                    return new Result(null, rule);
                }
            }
        }
        return new Result(null, null);
    }

    private int indexOf(int priority) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).priority() == priority) {
                return i;
            }
        }
        return -1;
    }

    private List<Route> table(int id) {
        return switch (id) {
            case Route.LOCAL -> local;
            case Route.MAIN -> main;
            default -> tables.getOrDefault(id, List.of());
        };
    }

    public List<IpRule> rules() {
        return rules;
    }

    /** Whether this address is one of the host's own ({@code inet_addr_type == RTN_LOCAL}). */
    public boolean isLocal(Ipv4Address address) {
        Route found = best(local, address);
        return found != null && found.type() == RouteType.LOCAL;
    }

    /** The local table's route for this address (LOCAL or BROADCAST), or null. */
    public Route lookupLocal(Ipv4Address address) {
        return best(local, address);
    }

    public List<Route> mainRoutes() {
        return main;
    }

    private static Route best(List<Route> table, Ipv4Address destination) {
        return table.stream().filter(route -> route.destination().contains(destination))
                .min(Comparator.comparingInt((Route route) -> -route.destination().length())
                        .thenComparingInt(Route::metric))
                .orElse(null);
    }
}
