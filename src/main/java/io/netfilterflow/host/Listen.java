package io.netfilterflow.host;

import io.netfilterflow.net.IpProtocol;
import io.netfilterflow.net.PortRange;
import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;

/** A port where a process listens: {@code tcp/22}, {@code udp/53}. */
public record Listen(IpProtocol proto, int port) {

    public static Listen parse(String text) {
        int slash = text.indexOf('/');
        String proto = slash < 0 ? "" : text.substring(0, slash).toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            throw new InvalidValue("net.not-a-listen-port", text);
        }
        int port = PortRange.port(text.substring(slash + 1));
        if (port == 0) {
            throw new InvalidValue("net.listen-port-zero", text);
        }
        return new Listen(proto.equals("tcp") ? IpProtocol.TCP : IpProtocol.UDP, port);
    }

    @Override
    public String toString() {
        return proto + "/" + port;
    }
}
