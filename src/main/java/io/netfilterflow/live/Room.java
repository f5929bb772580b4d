package io.netfilterflow.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final AtomicBoolean countUnsaid = new AtomicBoolean();
    private volatile int totalShown = -1;

    private record Count(int followers, long until) {
    }

    void add(LiveStream stream) {
        streams.add(stream);
        if (!stream.presenter()) {
            countUnsaid.set(true);
        }
    }

    void remove(LiveStream stream) {
        streams.remove(stream);
        if (!stream.presenter()) {
            countUnsaid.set(true);
        }
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
        countUnsaid.set(true);
    }

    /** Whether this server's count is to be said now, and forgets that it was. */
    boolean takeCountUnsaid() {
        return countUnsaid.getAndSet(false);
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

    /** A presenter joined: the total is shown again even if it did not change. */
    void showTotalAgain() {
        totalShown = -1;
    }

    boolean idle() {
        return streams.isEmpty() && !countUnsaid.get();
    }
}
