package io.netfilterflow.simulation;

import io.netfilterflow.packet.Packet;
import java.util.HashSet;
import java.util.Set;

/**
 * The connected sockets of every machine in the scenario ({@code inet_ehash}: established and
 * request sockets, looked up before the listeners by {@code __inet_lookup}): a socket that sent a
 * packet, and a listener's request socket once it answered a SYN. A segment that finds none of
 * these falls to the listener or to the closed-port reset.
 */
final class InetSockets {

    private final Set<String> connected = new HashSet<>();

    /** A process on {@code machine} sent {@code sent}: its socket now owns the four-tuple. */
    void connect(String machine, Packet sent) {
        if (sent.hasPorts()) {
            connected.add(key(machine, sent, sent.src() + ":" + sent.sport(), sent.dst() + ":" + sent.dport()));
        }
    }

    /** A listener on {@code machine} answered the SYN {@code syn}: {@code tcp_conn_request} made a request socket. */
    void accept(String machine, Packet syn) {
        connected.add(key(machine, syn, syn.dst() + ":" + syn.dport(), syn.src() + ":" + syn.sport()));
    }

    /** Whether {@code received} belongs to a socket that {@code machine} already has for its four-tuple. */
    boolean lookup(String machine, Packet received) {
        return received.hasPorts() && connected.contains(key(machine, received,
                received.dst() + ":" + received.dport(), received.src() + ":" + received.sport()));
    }

    private static String key(String machine, Packet packet, String local, String remote) {
        return machine + " " + packet.proto() + " " + local + " " + remote;
    }
}
