package io.netfilterflow.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This server's side of live sessions: the event streams open here, by session, and what the bus brings them.
 * Each server counts its own students and says the count on the bus when it changes (and every few seconds, so
 * a killed server's students are soon no longer counted); the presenter's server adds the counts up.
 */
@Component
class LiveHub implements LiveBus.Listener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final long RECOUNT_NANOS = 4_000_000_000L;

    private final String server = UUID.randomUUID().toString();
    private final Map<JoinCode, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger streams = new AtomicInteger();
    private final LiveBus bus;
    private final LiveStore store;
    private final LiveProperties limits;
    private final JsonMapper json;
    private final ThreadPoolTaskScheduler ticker = new ThreadPoolTaskScheduler();
    private long lastRecount = System.nanoTime();

    LiveHub(LiveBus bus, LiveStore store, LiveProperties limits, JsonMapper json) {
        this.bus = bus;
        this.store = store;
        this.limits = limits;
        this.json = json;
        bus.subscribe(this);
        ticker.setPoolSize(1);
        ticker.setThreadNamePrefix("live-tick-");
        ticker.initialize();
        ticker.scheduleAtFixedRate(this::tick, TICK);
    }

    /**
     * Opens a stream on the session, which starts with the session's state of now (or says it ended); a
     * presenter's stream also hears the class's count and answers. False, opening nothing, when this server has
     * all the streams it may.
     */
    boolean open(JoinCode code, boolean presenter, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (streams.incrementAndGet() > limits.maxStreams()) {
            streams.decrementAndGet();
            return false;
        }
        LiveStream stream = LiveStream.open(request, response, presenter, limits, gone -> leave(code, gone));
        Room room = rooms.compute(code, (key, known) -> {
            Room joined = known == null ? new Room() : known;
            joined.add(stream);
            return joined;
        });
        // read after joining: a state stored since is delivered too, and the stream skips whichever is older
        var session = store.find(code);
        if (session.isEmpty() || session.get().ended()) {
            stream.finish(event("ended", "{}"));
            return true;
        }
        stream.sendState(session.get().seq(), stateEvent(session.get().seq(), session.get().state()));
        if (presenter) {
            room.showTotalAgain(); // the next tick tells every presenter here the total, this one too
            bus.publish(LiveMessage.census(code));
        }
        return true;
    }

    private void leave(JoinCode code, LiveStream stream) {
        streams.decrementAndGet();
        Room room = rooms.get(code);
        if (room != null) {
            room.remove(stream);
        }
    }

    @Override
    public void deliver(LiveMessage message) {
        Room room = rooms.get(message.joinCode());
        if (room == null) {
            return;
        }
        switch (message.kind()) {
            case STATE -> {
                byte[] event = stateEvent(message.seq(), message.state());
                room.streams().forEach(stream -> stream.sendState(message.seq(), event));
            }
            case FOLLOWERS -> {
                room.count(message.server(), message.followers(), System.nanoTime());
                showTotal(room);
            }
            case CENSUS -> room.askCount();
            case ANSWERS -> {
                byte[] event = event("answers", json.writeValueAsString(Map.of("question", message.question(),
                        "answers", message.answers())));
                room.streams().stream().filter(LiveStream::presenter).forEach(stream -> stream.send(event));
            }
            case ENDED -> {
                byte[] event = event("ended", "{}");
                room.streams().forEach(stream -> stream.finish(event));
            }
        }
    }

    @Override
    public void resync() {
        rooms.forEach((code, room) -> store.find(code).ifPresentOrElse(session -> {
            if (session.ended()) {
                deliver(LiveMessage.ended(code));
            } else {
                deliver(LiveMessage.state(code, session.seq(), session.state()));
            }
            room.askCount();
        }, () -> deliver(LiveMessage.ended(code))));
    }

    /** Says this server's counts that changed (all of them every few seconds), updates presenters, beats hearts. */
    private void tick() {
        try {
            long now = System.nanoTime();
            boolean recount = now - lastRecount > RECOUNT_NANOS;
            if (recount) {
                lastRecount = now;
            }
            rooms.forEach((code, room) -> {
                int here = room.followersHere();
                if (room.takeCountUnsaid() || recount && here > 0) {
                    bus.publish(LiveMessage.followers(code, server, here));
                }
                showTotal(room);
                room.streams().forEach(stream -> stream.tick(now, limits.writeTimeout().toNanos(),
                        limits.heartbeat().toNanos()));
            });
            // one key at a time, atomically: a stream joining now keeps its room
            rooms.keySet().forEach(code -> rooms.computeIfPresent(code, (key, room) -> room.idle() ? null : room));
        } catch (RuntimeException e) { // the database away for a moment: the next tick tries again
            log.debug("live tick: {}", e.toString());
        }
    }

    private void showTotal(Room room) {
        if (room.hasPresenter()) {
            int total = room.total(System.nanoTime());
            if (room.totalChanged(total)) {
                byte[] event = followersEvent(total);
                room.streams().stream().filter(LiveStream::presenter).forEach(stream -> stream.send(event));
            }
        }
    }

    /** Streams open on this server. */
    int openStreams() {
        return streams.get();
    }

    private byte[] stateEvent(long seq, LiveState state) {
        return ("event:state\nid:" + seq + "\ndata:"
                + json.writeValueAsString(Map.of("seq", seq, "state", state)) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] followersEvent(int total) {
        return event("followers", "{\"followers\":" + total + "}");
    }

    private static byte[] event(String name, String data) {
        return ("event:" + name + "\ndata:" + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() {
        ticker.shutdown();
    }
}
