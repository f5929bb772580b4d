package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;

/**
 * Reads one request body with servlet non-blocking I/O: no thread waits while a slow client sends it.
 * When the body is whole, too large, broken or late, the outcome is put on the request and the request
 * is dispatched again to its controller, which answers it ({@link ScenarioRequests#text}).
 *
 * <p>A body past the limit is still read to its end, up to {@link #DISCARD} bytes, and thrown away
 * as it comes: a client that sends it all before reading its answer then gets its 413, where closing
 * the connection on unread bytes would reset it before the answer is read.
 */
final class BodyReader implements ReadListener, AsyncListener {

    /** The most bytes thrown away after the limit before answering 413 at once. */
    static final long DISCARD = 64L << 20;

    private final AsyncContext async;
    private final ServletInputStream in;
    private final int limit;
    private final String deadline;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[16384];
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile RuntimeException tooLarge;
    private long discarded;

    BodyReader(AsyncContext async, ServletInputStream in, int limit, String deadline) {
        this.async = async;
        this.in = in;
        this.limit = limit;
        this.deadline = deadline;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!finished.get() && in.isReady()) {
            int n = in.read(buffer);
            if (n < 0) {
                return; // onAllDataRead follows
            }
            if (tooLarge != null) {
                discarded += n;
                if (discarded > DISCARD) {
                    finish(tooLarge);
                }
                continue;
            }
            body.write(buffer, 0, n);
            if (body.size() > limit) {
                refuseAsTooLarge();
            }
        }
    }

    /** From now on the bytes are thrown away, and the answer is 413. */
    void refuseAsTooLarge() {
        tooLarge = ScenarioBody.tooLarge(limit);
        body.reset();
    }

    @Override
    public void onAllDataRead() {
        finish(tooLarge != null ? tooLarge : body.toByteArray());
    }

    @Override
    public void onError(Throwable t) {
        // the client went away or broke the framing (a bad chunk): nothing to simulate
        finish(new RequestRefused(HttpStatus.BAD_REQUEST, Problem.of("api.unreadable-body", String.valueOf(t.getMessage()))));
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        finish(tooLarge != null ? tooLarge : new RequestRefused(HttpStatus.REQUEST_TIMEOUT,
                Problem.of("api.body-timeout", deadline, body.size())));
    }

    @Override
    public void onError(AsyncEvent event) {
        onError(event.getThrowable());
    }

    @Override
    public void onComplete(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }

    /** Once: the body's bytes or the refusal go on the request, and the controller answers. */
    void finish(Object outcome) {
        if (finished.compareAndSet(false, true)) {
            ScenarioBodyFilter.settle(async, outcome);
        }
    }
}
