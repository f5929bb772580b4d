package io.netfilterflow.scenario;

import io.netfilterflow.host.DeviceKind;
import io.netfilterflow.host.Endpoint;
import io.netfilterflow.host.Listen;
import io.netfilterflow.host.NetDevice;
import io.netfilterflow.net.InterfaceAddress;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.MacAddress;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.scenario.ScenarioReader.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the machines cabled to the host. */
final class EndpointReader {

    private final ScenarioReader reader;

    EndpointReader(ScenarioReader reader) {
        this.reader = reader;
    }

    List<Endpoint> endpoints(Node list, List<NetDevice> devices) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (list == null) {
            return endpoints;
        }
        Set<String> names = new HashSet<>();
        Set<String> vethPeers = new HashSet<>();
        for (Node node : list.items()) {
            node.allow("name", "attach", "mac", "ip", "gateway", "listen");
            String name = node.required("name").text();
            if (name.equals("host") || !names.add(name)) {
                throw reader.error(node.child("name"), name.equals("host") ? Problem.of("scenario.host-is-reserved")
                        : Problem.of("scenario.endpoint-listed-twice", name));
            }
            String attach = node.required("attach").text();
            NetDevice device = devices.stream().filter(d -> d.name().equals(attach)).findFirst().orElseThrow(
                    () -> reader.error(node.child("attach"), Problem.of("scenario.no-such-interface", attach)));
            if (device.isBridge() || device.isLoopback()) {
                throw reader.error(node.child("attach"), device.isBridge()
                        ? Problem.of("scenario.endpoint-on-bridge", attach)
                        : Problem.of("scenario.endpoint-on-loopback", attach));
            }
            if (device.kind() == DeviceKind.VETH && !vethPeers.add(attach)) {
                throw reader.error(node.child("attach"), Problem.of("scenario.veth-has-peer", attach));
            }
            MacAddress mac = node.required("mac").convert(MacAddress::parse);
            InterfaceAddress ip = node.required("ip").convert(InterfaceAddress::parse);
            Ipv4Address gateway = node.optional("gateway") == null ? null
                    : node.required("gateway").convert(Ipv4Address::parse);
            if (gateway != null && !ip.onLink(gateway)) {
                throw reader.error(node.child("gateway"),
                        Problem.of("scenario.gateway-off-subnet", gateway, name, ip.network()));
            }
            List<Listen> listen = new HostReader(reader).listen(node.optional("listen"));
            endpoints.add(new Endpoint(name, attach, mac, ip, gateway, Set.copyOf(listen)));
        }
        return endpoints;
    }
}
