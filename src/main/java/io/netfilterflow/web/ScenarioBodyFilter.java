package io.netfilterflow.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the scenario a client posts ({@code /api/simulations}, {@code /api/shares}, {@code /api/diagram},
 * {@code /api/import}, {@code /api/compare}; and the small bodies of {@code /api/live}) before any
 * controller runs, without a request thread: the body arrives through a {@link BodyReader}, within
 * {@code netfilter-flow.web.body-read-timeout} in all and {@code max-scenario-bytes} in size, and only
 * then does the request go on to its controller. A client that sends slowly holds a connection, never
 * one of the threads that answer everyone else.
 */
@Component
@EnableConfigurationProperties(CompareProperties.class)
@Order(Ordered.LOWEST_PRECEDENCE) // after the filters that set headers: the refusals carry them too
class ScenarioBodyFilter extends OncePerRequestFilter {

    /** The outcome of reading: the body's bytes, or the exception to answer with. */
    static final String BODY = ScenarioBodyFilter.class.getName() + ".body";

    static final String COMPARE = "/api/compare";

    private final WebProperties limits;
    private final CompareProperties compare;
    private final Duration deadline;

    ScenarioBodyFilter(WebProperties limits, CompareProperties compare,
                       @Value("${netfilter-flow.web.body-read-timeout:20s}") Duration deadline) {
        this.limits = limits;
        this.compare = compare;
        this.deadline = deadline;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(path.equals("/api/simulations") || path.equals("/api/shares")
                || path.equals("/api/diagram") || path.equals("/api/import") || path.equals(COMPARE) || live(path));
    }

    /** A scenario's limit; a comparison carries a trace beside it. */
    private int limit(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (live(path)) {
            return ScenarioRequests.SMALL_BODY_BYTES;
        }
        return path.equals(COMPARE) ? compare.maxBodyBytes(limits) : limits.maxScenarioBytes();
    }

    /** A live session's start, step or answer: a small JSON object. */
    private static boolean live(String path) {
        return path.equals("/api/live") || path.startsWith("/api/live/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        int limit = limit(request);
        if (declared > limit + BodyReader.DISCARD || !request.isAsyncSupported()) {
            // read or refused on this thread (ScenarioRequests); past the discard limit, at once, and
            // Tomcat closes the connection after the 413
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(deadline.toMillis());
        ServletInputStream in = request.getInputStream();
        BodyReader reader = new BodyReader(async, in, limit, format(deadline));
        async.addListener(reader);
        if (declared > limit) {
            reader.refuseAsTooLarge();
        }
        try {
            in.setReadListener(reader);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // a container without non-blocking reads (a mock request): read here instead
            try {
                reader.finish(ScenarioBody.bytes(in, limit));
            } catch (RuntimeException refused) {
                reader.finish(refused);
            }
        }
    }

    /** Puts the outcome on the request and sends it on to its controller. */
    static void settle(AsyncContext async, Object outcome) {
        async.getRequest().setAttribute(BODY, outcome);
        async.dispatch();
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
