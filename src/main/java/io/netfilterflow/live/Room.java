package io.netfilterflow.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session as one server sees it: the streams open here, and every server's count of students (each server
 * says its own; a count not said again within {@link #COUNT_LIFETIME_NANOS} is forgotten, as a server killed
 * stops saying it).
 */
final class Room {

    static final long COUNT_LIFETIME_NANOS = 12_000_000_000L;

    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final Map<String, Count> counts = new ConcurrentHashMap<>();
    /** This server's count changed, or was asked for, and is not yet said. */
    private volatile boolean countUnsaid;
    private volatile int totalShown = -1;

    private record Count(int followers, long until) {
    }

    void add(LiveStream stream) {
        streams.add(stream);
        countUnsaid |= !stream.presenter();
    }

    void remove(LiveStream stream) {
        streams.remove(stream);
        countUnsaid |= !stream.presenter();
    }

    Set<LiveStream> streams() {
        return streams;
    }

    boolean hasPresenter() {
        return streams.stream().anyMatch(LiveStream::presenter);
    }

    int followersHere() {
        return (int) streams.stream().filter(stream -> !stream.presenter()).count();
    }

    void askCount() {
        countUnsaid = true;
    }

    /** Whether this server's count is to be said now, and forgets that it was. */
    boolean takeCountUnsaid() {
        boolean unsaid = countUnsaid;
        countUnsaid = false;
        return unsaid;
    }

    void count(String server, int followers, long now) {
        counts.put(server, new Count(followers, now + COUNT_LIFETIME_NANOS));
    }

    /** Students following on all servers, by the counts still fresh. */
    int total(long now) {
        counts.values().removeIf(count -> count.until - now < 0);
        return counts.values().stream().mapToInt(Count::followers).sum();
    }

    /** The total, when it differs from the one the presenters were last shown (and is then taken as shown). */
    boolean totalChanged(int total) {
        if (total == totalShown) {
            return false;
        }
        totalShown = total;
        return true;
    }

    boolean idle() {
        return streams.isEmpty() && !countUnsaid;
    }
}
