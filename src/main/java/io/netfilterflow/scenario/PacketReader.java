package io.netfilterflow.scenario;

import io.netfilterflow.host.Host;
import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.packet.IcmpTypes;
import io.netfilterflow.packet.TcpFlag;
import io.netfilterflow.problem.InvalidValue;
import io.netfilterflow.problem.Problem;
import io.netfilterflow.scenario.ScenarioReader.Node;
import java.util.ArrayList;
import java.util.List;

/** Reads the packets a scenario sends. */
final class PacketReader {

    /** Bounds a scenario's packet list; longer runs belong in a benchmark, not a trace. */
    static final int MAX_PACKETS = 1000;

    private final ScenarioReader reader;

    PacketReader(ScenarioReader reader) {
        this.reader = reader;
    }

    List<PacketSpec> packets(Node list, Host host) {
        List<Node> items = list.items();
        if (items.size() > MAX_PACKETS) {
            throw reader.error(list.path(), Problem.of("scenario.too-many-packets", MAX_PACKETS, items.size()));
        }
        List<PacketSpec> packets = new ArrayList<>();
        for (Node node : items) {
            packets.add(packet(node, host));
        }
        return packets;
    }

    private PacketSpec packet(Node node, Host host) {
        node.allow("from", "proto", "src", "dst", "tcpFlags", "icmpType", "icmpCode", "reply", "length", "uid",
                "gid");
        String from = node.required("from").text();
        if (!from.equals("host") && host.endpoint(from) == null) {
            List<String> known = new ArrayList<>(List.of("host"));
            host.endpoints().forEach(e -> known.add(e.name()));
            throw reader.error(node.child("from"),
                    Problem.of("scenario.no-such-endpoint", from, String.join(", ", known)));
        }
        IpProtocol proto = node.required("proto").convert(text -> switch (text) {
            case "tcp" -> IpProtocol.TCP;
            case "udp" -> IpProtocol.UDP;
            case "icmp" -> IpProtocol.ICMP;
            default -> throw new InvalidValue("scenario.not-a-protocol", text);
        });
        boolean ports = !proto.equals(IpProtocol.ICMP);
        Address dst = address(node.required("dst"), ports, true);
        Address src = node.optional("src") == null ? new Address(null, null) : address(node.required("src"), ports, false);
        int flags = 0;
        if (node.optional("tcpFlags") != null) {
            if (!proto.equals(IpProtocol.TCP)) {
                throw reader.error(node.child("tcpFlags"), Problem.of("scenario.tcp-flags-not-tcp"));
            }
            flags = node.required("tcpFlags").convert(TcpFlag::parse);
        } else if (proto.equals(IpProtocol.TCP)) {
            flags = TcpFlag.SYN;
        }
        int icmpType = -1;
        int icmpCode = -1;
        if (proto.equals(IpProtocol.ICMP)) {
            icmpType = node.optional("icmpType") == null ? IcmpTypes.ECHO_REQUEST
                    : node.required("icmpType").convert(IcmpTypes::parse);
            icmpCode = node.optional("icmpCode") == null ? 0 : (int) node.required("icmpCode").integer(0, 255);
        } else if (node.optional("icmpType") != null || node.optional("icmpCode") != null) {
            throw reader.error(node.child(node.optional("icmpType") != null ? "icmpType" : "icmpCode"),
                    Problem.of("scenario.icmp-fields-not-icmp"));
        }
        if (!from.equals("host") && (node.optional("uid") != null || node.optional("gid") != null)) {
            throw reader.error(node.child("uid"), Problem.of("scenario.uid-gid-host-only"));
        }
        boolean reply = node.optional("reply") != null && node.required("reply").bool();
        Integer length = node.optional("length") == null ? null : (int) node.required("length").integer(20, 65535);
        long uid = node.optional("uid") == null ? 0 : node.required("uid").integer(0, 0xffff_ffffL);
        long gid = node.optional("gid") == null ? 0 : node.required("gid").integer(0, 0xffff_ffffL);
        Problem broadcast = BroadcastChecks.refusal(host, from, proto, dst.address(), dst.port(), reply);
        if (broadcast != null) {
            throw reader.error(node.child("dst"), broadcast);
        }
        return new PacketSpec(from, proto, src.address(), src.port(), dst.address(), dst.port(), flags, icmpType,
                icmpCode, reply, length, uid, gid);
    }

    private record Address(Ipv4Address address, Integer port) {
    }

    /** {@code 10.0.0.1} or {@code 10.0.0.1:80}; a destination port is required for tcp and udp. */
    private Address address(Node node, boolean ports, boolean destination) {
        return node.convert(text -> {
            int colon = text.indexOf(':');
            Ipv4Address address = Ipv4Address.parse(colon < 0 ? text : text.substring(0, colon));
            if (colon < 0) {
                if (ports && destination) {
                    throw new InvalidValue("scenario.needs-port", text);
                }
                return new Address(address, null);
            }
            if (!ports) {
                throw new InvalidValue("scenario.icmp-has-no-port", text);
            }
            int port = PortRange.port(text.substring(colon + 1));
            if (port == 0) {
                throw new InvalidValue("scenario.port-zero", text);
            }
            return new Address(address, port);
        });
    }
}
