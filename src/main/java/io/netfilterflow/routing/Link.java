package io.netfilterflow.routing;

import io.netfilterflow.net.InterfaceAddress;
import java.util.List;

/** A device as routing sees it ({@code fib_add_ifaddr}): its name, whether it is loopback, its addresses. */
public interface Link {

    String name();

    boolean isLoopback();

    List<InterfaceAddress> addresses();
}
