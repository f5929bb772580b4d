package io.netfilterflow.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and timings of live sessions ({@code netfilter-flow.live.*}).
 *
 * @param idleTimeout a session whose presenter has done nothing for this long ends
 * @param keepEnded an ended session is still known (its students read "ended", not "unknown") this long, then
 *        it and its answers are deleted
 * @param maxSessions most sessions open at once, over all servers; more get 503
 * @param maxStreams most event streams (students and presenters) open at once on one server; more get 503
 * @param maxAnswers most answers kept for one session (voters × questions); more get 429
 * @param streamTimeout a stream is ended after this and the page reconnects (proxies dislike endless ones)
 * @param writeTimeout a stream whose client takes nothing for this long is dropped
 * @param heartbeat how often a quiet stream gets a comment line
 */
@ConfigurationProperties("netfilter-flow.live")
public record LiveProperties(Duration idleTimeout, Duration keepEnded, Integer maxSessions, Integer maxStreams,
                             Integer maxAnswers, Duration streamTimeout, Duration writeTimeout, Duration heartbeat) {

    public LiveProperties {
        idleTimeout = idleTimeout == null ? Duration.ofHours(2) : idleTimeout;
        keepEnded = keepEnded == null ? Duration.ofMinutes(10) : keepEnded;
        maxSessions = maxSessions == null ? 10_000 : maxSessions;
        maxStreams = maxStreams == null ? 5_000 : maxStreams;
        maxAnswers = maxAnswers == null ? 50_000 : maxAnswers;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(20) : writeTimeout;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
    }
}
