package io.netfilterflow.routing;

import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The host's routing tables ({@code fib_lookup}): the local table, derived from the addresses as
 * the kernel derives it, is looked at first, then the main table by longest prefix and lowest metric.
 */
public final class Fib {

    private final List<Route> local;
    private final List<Route> main;

    private Fib(List<Route> local, List<Route> main) {
        this.local = List.copyOf(local);
        this.main = List.copyOf(main);
    }

    /** The tables for these devices and main-table routes; prefix routes of addresses are added if missing. */
    public static Fib of(List<? extends Link> devices, List<Route> routes) {
        List<Route> local = new ArrayList<>();
        List<Route> main = new ArrayList<>(routes);
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
                boolean listed = routes.stream().anyMatch(r -> r.destination().equals(address.network())
                        && device.name().equals(r.device()));
                if (!listed && address.length() < 32) {
                    main.add(new Route(RouteType.UNICAST, address.network(), null, device.name(), address.address(),
                            0, address.network() + " dev " + device.name() + " proto kernel scope link src "
                            + address.address() + " (derived)"));
                }
            }
        }
        return new Fib(local, main);
    }

    /** The route for {@code destination}, or null when there is none (the kernel's ENETUNREACH). */
    public Route lookup(Ipv4Address destination) {
        Route found = best(local, destination);
        return found != null ? found : best(main, destination);
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
