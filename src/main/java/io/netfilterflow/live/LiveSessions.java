package io.netfilterflow.live;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.web.RequestRefused;
import io.netfilterflow.share.ShareId;
import io.netfilterflow.share.ShareStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Live sessions: started by a presenter over a stored scenario, moved on by the presenter alone, answered by the
 * class, ended by the presenter or by idleness. Every change is stored and announced in one transaction.
 */
@Service
public class LiveSessions {

    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    private static final Pattern VOTER = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final int MAX_ANSWER_CHARS = 100;
    private static final int ATTEMPTS = 5;

    private final LiveStore store;
    private final LiveBus bus;
    private final ShareStore shares;
    private final TransactionTemplate transactions;
    private final LiveProperties limits;
    private final Clock clock;
    /** Steps of one server reach its hub in the order they were stored (the local bus delivers at commit). */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    LiveSessions(LiveStore store, LiveBus bus, ShareStore shares, TransactionTemplate transactions,
                 LiveProperties limits) {
        this.store = store;
        this.bus = bus;
        this.shares = shares;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = Clock.systemUTC();
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** A new session and the key that moves it. */
    public record Started(JoinCode code, PresenterKey key) {
    }

    Started start(LiveState state) {
        requireValid(state);
        if (store.openSessions() >= limits.maxSessions()) {
            throw new RequestRefused(HttpStatus.SERVICE_UNAVAILABLE,
                    Problem.of("api.live.too-many-sessions", limits.maxSessions()));
        }
        PresenterKey key = PresenterKey.random();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            JoinCode code = JoinCode.random();
            if (store.create(code, key.digest(), state, clock.millis())) {
                return new Started(code, key);
            }
        }
        throw new IllegalStateException("no free join code in " + ATTEMPTS + " draws");
    }

    /** Whether a page can join the session now. */
    public boolean open(JoinCode code) {
        return store.find(code).filter(session -> !session.ended()).isPresent();
    }

    LiveStore.Session session(JoinCode code) {
        return store.find(code).orElseThrow(() -> unknown(code));
    }

    /** The presenter's new state, stored and announced as the session's next; its number. */
    long step(JoinCode code, PresenterKey key, LiveState state) {
        requireValid(state);
        ReentrantLock stripe = stripes[Math.floorMod(code.hashCode(), stripes.length)];
        stripe.lock();
        try {
            return transactions.execute(status -> {
                LiveStore.Session session = presenting(code, key, store.lock(code));
                long seq = session.seq() + 1;
                store.update(code, seq, state, clock.millis());
                bus.publish(LiveMessage.state(code, seq, state));
                return seq;
            });
        } finally {
            stripe.unlock();
        }
    }

    void end(JoinCode code, PresenterKey key) {
        transactions.executeWithoutResult(status -> {
            presenting(code, key, store.lock(code));
            if (store.end(code, clock.millis())) {
                bus.publish(LiveMessage.ended(code));
            }
        });
    }

    /** A student's answer to the question asked before hop {@code question}; the question's answers so far. */
    Map<String, Integer> answer(JoinCode code, int question, String voter, String answer) {
        if (question < 0 || question > LiveState.MAX_HOP || voter == null || !VOTER.matcher(voter).matches()
                || answer == null || answer.isBlank() || answer.length() > MAX_ANSWER_CHARS
                || answer.chars().anyMatch(Character::isISOControl)) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.live.bad-answer", LiveState.MAX_HOP,
                    MAX_ANSWER_CHARS));
        }
        return transactions.execute(status -> {
            LiveStore.Session session = store.find(code).orElseThrow(() -> unknown(code));
            if (session.ended()) {
                throw ended(code);
            }
            if (store.answerCount(code) >= limits.maxAnswers()) {
                throw new RequestRefused(HttpStatus.TOO_MANY_REQUESTS,
                        Problem.of("api.live.too-many-answers", limits.maxAnswers()));
            }
            store.answer(code, question, voter, answer);
            Map<String, Integer> answers = store.answers(code, question);
            bus.publish(LiveMessage.answers(code, question, answers));
            return answers;
        });
    }

    Map<String, Integer> answers(JoinCode code, int question) {
        session(code);
        return store.answers(code, question);
    }

    /** Ends the sessions left idle, and forgets those ended a while ago; every server sweeps, one ends each. */
    @Scheduled(fixedDelayString = "${netfilter-flow.live.sweep:60s}", initialDelayString = "${netfilter-flow.live.sweep:60s}")
    void sweep() {
        try {
            long now = clock.millis();
            for (JoinCode code : store.idleSince(now - limits.idleTimeout().toMillis())) {
                transactions.executeWithoutResult(status -> {
                    if (store.end(code, now)) {
                        bus.publish(LiveMessage.ended(code));
                    }
                });
            }
            store.purge(now - limits.keepEnded().toMillis());
        } catch (RuntimeException e) { // the database away: the next sweep tries again
            log.warn("live sessions: sweep failed: {}", e.toString());
        }
    }

    private LiveStore.Session presenting(JoinCode code, PresenterKey key, Optional<LiveStore.Session> found) {
        LiveStore.Session session = found.orElseThrow(() -> unknown(code));
        if (!session.keyDigest().equals(key.digest())) {
            throw new RequestRefused(HttpStatus.FORBIDDEN, Problem.of("api.live.not-presenter", code));
        }
        if (session.ended()) {
            throw ended(code);
        }
        return session;
    }

    private void requireValid(LiveState state) {
        if (state == null || !state.valid()) {
            throw new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.live.bad-state", LiveState.MAX_HOP));
        }
        if (ShareId.parse(state.scenario()).flatMap(shares::find).isEmpty()) {
            throw new RequestRefused(HttpStatus.UNPROCESSABLE_CONTENT, Problem.of("api.live.no-scenario",
                    state.scenario()));
        }
    }

    private static RequestRefused unknown(JoinCode code) {
        return new RequestRefused(HttpStatus.NOT_FOUND, Problem.of("api.live.no-session", code));
    }

    private static RequestRefused ended(JoinCode code) {
        return new RequestRefused(HttpStatus.GONE, Problem.of("api.live.ended", code));
    }
}
