package io.netfilterflow.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One stream of the load test, read without decoding text: the status line, the headers, then the
 * chunked body's data scanned for the lines {@code event:hop}, {@code event:done} and {@code event:error}.
 */
final class StreamProbe {

    private static final byte[] HOP = "event:hop".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "event:done".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "event:error".getBytes(StandardCharsets.US_ASCII);

    private final ByteBuffer request;
    private final boolean leaveAfterFirstHop;
    private SocketChannel channel;
    final long startNanos = System.nanoTime();
    long firstHopNanos;
    long endNanos;
    long hops;
    boolean done;
    boolean finished;
    String problem;
    private final StringBuilder status = new StringBuilder();
    private boolean statusRead;
    private int headerEnd;
    private long chunkLeft = -1;
    private long chunkSize;
    private int chunkTrailer;
    // the start of the current body line, kept across reads; a longer line is skipped to its end
    private final byte[] prefix = new byte[12];
    private int prefixLength;
    private boolean inLineBody;

    StreamProbe(byte[] request) {
        this(request, false);
    }

    /** A probe that closes its connection as soon as it has read the first hop, as a client that leaves. */
    StreamProbe(byte[] request, boolean leaveAfterFirstHop) {
        this.request = ByteBuffer.wrap(request);
        this.leaveAfterFirstHop = leaveAfterFirstHop;
    }

    void open(Selector selector, InetSocketAddress address) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(address);
            channel.register(selector, SelectionKey.OP_CONNECT, this);
        } catch (IOException e) {
            fail("connect: " + e.getMessage());
        }
    }

    void ready(SelectionKey key, ByteBuffer buffer) {
        try {
            if (key.isConnectable() && channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isWritable()) {
                channel.write(request);
                if (!request.hasRemaining()) {
                    key.interestOps(SelectionKey.OP_READ);
                }
            }
            if (key.isValid() && key.isReadable()) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    end();
                    return;
                }
                buffer.flip();
                scan(buffer);
            }
        } catch (IOException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void scan(ByteBuffer bytes) {
        byte[] array = bytes.array();
        int at = bytes.position();
        int limit = bytes.limit();
        while (at < limit) {
            if (!statusRead || headerEnd < 4) {
                head(array[at++]);
            } else if (chunkLeft > 0) {
                int end = (int) Math.min(limit, at + chunkLeft);
                lines(array, at, end);
                chunkLeft -= end - at;
                at = end;
                if (chunkLeft == 0) {
                    chunkTrailer = 2;
                    chunkLeft = -1;
                }
            } else {
                chunkFrame(array[at++]);
            }
        }
    }

    /** The status line, then the headers up to the blank line. */
    private void head(byte b) {
        if (!statusRead) {
            if (b == '\n') {
                statusRead = true;
                if (!status.toString().startsWith("HTTP/1.1 200")) {
                    problem = status.toString().trim();
                }
            } else {
                status.append((char) b);
            }
            return;
        }
        headerEnd = (b == (headerEnd % 2 == 0 ? '\r' : '\n')) ? headerEnd + 1 : (b == '\r' ? 1 : 0);
    }

    /** A chunk's size line, and the CRLF after its data. */
    private void chunkFrame(byte b) {
        if (chunkTrailer > 0) {
            chunkTrailer--;
        } else if (b == '\n') {
            chunkLeft = chunkSize == 0 ? -1 : chunkSize;
            chunkSize = 0;
        } else if (Character.digit(b, 16) >= 0) {
            chunkSize = chunkSize * 16 + Character.digit(b, 16);
        }
    }

    /** Reads the event name at each line start; skips the rest of a line (the JSON) without looking at it. */
    private void lines(byte[] array, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = array[i];
            if (inLineBody) {
                inLineBody = b != '\n';
            } else if (b == '\n') {
                line();
                prefixLength = 0;
            } else if (prefixLength < prefix.length) {
                prefix[prefixLength++] = b;
            } else {
                inLineBody = true;
                prefixLength = 0;
            }
        }
    }

    private void line() {
        if (is(HOP)) {
            if (hops++ == 0) {
                firstHopNanos = System.nanoTime();
                if (leaveAfterFirstHop) {
                    leave();
                }
            }
        } else if (is(DONE)) {
            done = true;
        } else if (is(ERROR)) {
            problem = "error event";
        }
    }

    private boolean is(byte[] name) {
        return prefixLength == name.length && Arrays.equals(prefix, 0, prefixLength, name, 0, prefixLength);
    }

    private void leave() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // leaving anyway
        }
        finished = true;
        endNanos = System.nanoTime();
    }

    private void end() throws IOException {
        channel.close();
        finished = true;
        endNanos = System.nanoTime();
        if (problem == null && !done) {
            problem = "stream ended without done";
        }
    }

    void fail(String why) {
        problem = problem == null ? why : problem;
        finished = true;
        endNanos = System.nanoTime();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection; nothing to tell
        }
    }

    boolean ok() {
        return problem == null && done;
    }

    /** Whether it read a first hop and then left, as asked. */
    boolean left() {
        return leaveAfterFirstHop && problem == null && firstHopNanos > 0;
    }
}
