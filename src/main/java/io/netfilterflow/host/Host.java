package io.netfilterflow.host;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.Ipv4Prefix;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.netfilter.HookRegistry;
import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.core.Backend;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.routing.Fib;
import io.netfilterflow.routing.Route;
import io.netfilterflow.routing.RouteType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Linux host as the simulator sees it: devices, routing tables, sysctls, the rules loaded
 * through one backend, the ipsets the rules name, and the machines cabled to it.
 */
public final class Host {

    private final String hostname;
    private final Backend backend;
    private final Sysctls sysctls;
    private final Map<String, NetDevice> devices;
    private final Fib fib;
    private final Set<Listen> listen;
    private final IptablesRuleset iptables;
    private final EbtablesRuleset ebtables;
    private final NftProgram nftables;
    private final Map<String, List<Ipv4Prefix>> ipsets;
    private final Map<String, Endpoint> endpoints;
    /** Derived from the rules once; every simulation of this host asks for it. */
    private HookRegistry hooks;

    public Host(String hostname, Backend backend, Sysctls sysctls, List<NetDevice> devices, Fib fib,
                Set<Listen> listen, IptablesRuleset iptables, EbtablesRuleset ebtables,
                NftProgram nftables, Map<String, List<Ipv4Prefix>> ipsets, List<Endpoint> endpoints) {
        this.hostname = hostname;
        this.backend = Objects.requireNonNull(backend);
        this.sysctls = Objects.requireNonNull(sysctls);
        Map<String, NetDevice> byName = new LinkedHashMap<>();
        devices.forEach(device -> byName.put(device.name(), device));
        this.devices = java.util.Collections.unmodifiableMap(byName);
        this.fib = Objects.requireNonNull(fib);
        this.listen = Set.copyOf(listen);
        this.iptables = Objects.requireNonNull(iptables);
        this.ebtables = Objects.requireNonNull(ebtables);
        this.nftables = Objects.requireNonNull(nftables);
        this.ipsets = Map.copyOf(ipsets);
        Map<String, Endpoint> endpointsByName = new LinkedHashMap<>();
        endpoints.forEach(endpoint -> endpointsByName.put(endpoint.name(), endpoint));
        this.endpoints = java.util.Collections.unmodifiableMap(endpointsByName);
    }

    /** Who is registered on which hook of this host's namespace, and at which priority. */
    public synchronized HookRegistry hooks() {
        if (hooks == null) {
            hooks = HookRegistry.of(backend, iptables, ebtables, nftables);
        }
        return hooks;
    }

    public String hostname() {
        return hostname;
    }

    public Backend backend() {
        return backend;
    }

    public Sysctls sysctls() {
        return sysctls;
    }

    public NetDevice device(String name) {
        return devices.get(name);
    }

    public Iterable<NetDevice> devices() {
        return devices.values();
    }

    public Fib fib() {
        return fib;
    }

    /** The ports where a process on the host listens. */
    public Set<Listen> listen() {
        return listen;
    }

    public boolean listens(Listen port) {
        return listen.contains(port);
    }

    public IptablesRuleset iptables() {
        return iptables;
    }

    public EbtablesRuleset ebtables() {
        return ebtables;
    }

    /** The native nftables tables, beside those iptables-nft and ebtables-nft made. */
    public NftProgram nftables() {
        return nftables;
    }

    public List<Ipv4Prefix> ipset(String name) {
        return ipsets.get(name);
    }

    public Endpoint endpoint(String name) {
        return endpoints.get(name);
    }

    public Iterable<Endpoint> endpoints() {
        return endpoints.values();
    }

    /** The device a route leaves through: lo for local routes, its {@code dev}, or where its gateway is reached. */
    public String outDevice(Route route) {
        if (route.type() == RouteType.LOCAL || route.type() == RouteType.BROADCAST) {
            return "lo";
        }
        if (route.device() != null) {
            return route.device();
        }
        Route toGateway = fib.lookup(route.gateway());
        return toGateway == null ? null : toGateway.device();
    }

    /**
     * The source {@code ip_route_output} picks for a destination: the route's {@code src} (a local
     * route's is the address itself), else the out device's address nearest the next hop; null without a route.
     */
    public Ipv4Address sourceFor(Ipv4Address destination) {
        Route route = fib.lookup(destination);
        if (route == null) {
            return null;
        }
        if (route.preferredSource() != null) {
            return route.preferredSource();
        }
        String name = outDevice(route);
        NetDevice device = name == null ? null : devices.get(name);
        return device == null ? null : device.selectAddress(route.nextHop(destination));
    }

    /** The device that owns this address, or null. */
    public NetDevice ownerOf(Ipv4Address address) {
        for (NetDevice device : devices.values()) {
            if (device.hasAddress(address)) {
                return device;
            }
        }
        return null;
    }

    /** The bridge port behind which a frame to {@code mac} leaves, from the FDB the endpoints fill; or null. */
    public String fdbPort(NetDevice bridge, MacAddress mac) {
        for (Endpoint endpoint : endpoints.values()) {
            NetDevice port = devices.get(endpoint.attach());
            if (endpoint.mac().equals(mac) && port != null && bridge.name().equals(port.master())) {
                return port.name();
            }
        }
        return null;
    }

    /** Whether {@code mac} is the bridge's own or one of its ports' ({@code fdb->is_local}). */
    public boolean isLocalMac(NetDevice bridge, MacAddress mac) {
        if (bridge.mac().equals(mac)) {
            return true;
        }
        return devices.values().stream().anyMatch(d -> bridge.name().equals(d.master()) && d.mac().equals(mac));
    }

    /** The endpoints on the same link as this device: cabled to it, or to a port of the same bridge. */
    public List<Endpoint> endpointsOnLink(NetDevice device) {
        return endpoints.values().stream().filter(endpoint -> {
            NetDevice at = devices.get(endpoint.attach());
            return at.name().equals(device.name()) || device.name().equals(at.master());
        }).toList();
    }
}
