package io.netfilterflow.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One stream of the load test, read without decoding text: the status line, the headers, then the
 * chunked body's data scanned for the lines {@code event:hop}, {@code event:done} and {@code event:error}.
 */
final class StreamProbe {

    private static final byte[] HOP = "\nevent:hop\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "\nevent:done\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "\nevent:error\n".getBytes(StandardCharsets.US_ASCII);

    private final ByteBuffer request;
    private SocketChannel channel;
    final long startNanos = System.nanoTime();
    long firstHopNanos;
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
    // progress of each pattern across reads
    private int hopAt = 1;
    private int doneAt = 1;
    private int errorAt = 1;

    StreamProbe(byte[] request) {
        this.request = ByteBuffer.wrap(request);
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
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (!statusRead) {
                if (b == '\n') {
                    statusRead = true;
                    if (!status.toString().startsWith("HTTP/1.1 200")) {
                        problem = status.toString().trim();
                    }
                } else {
                    status.append((char) b);
                }
                continue;
            }
            if (headerEnd < 4) {
                headerEnd = (b == (headerEnd % 2 == 0 ? '\r' : '\n')) ? headerEnd + 1 : (b == '\r' ? 1 : 0);
                continue;
            }
            if (!chunkData(b)) {
                continue;
            }
            hopAt = step(HOP, hopAt, b);
            if (hopAt == HOP.length) {
                if (hops++ == 0) {
                    firstHopNanos = System.nanoTime();
                }
                hopAt = 1;
            }
            doneAt = step(DONE, doneAt, b);
            if (doneAt == DONE.length) {
                done = true;
                doneAt = 1;
            }
            errorAt = step(ERROR, errorAt, b);
            if (errorAt == ERROR.length) {
                problem = "error event";
                errorAt = 1;
            }
        }
    }

    /** Follows the chunked framing; true when {@code b} is a byte of a chunk's data. */
    private boolean chunkData(byte b) {
        if (chunkTrailer > 0) {
            chunkTrailer--;
            return false;
        }
        if (chunkLeft > 0) {
            if (--chunkLeft == 0) {
                chunkTrailer = 2;
                chunkLeft = -1;
            }
            return true;
        }
        if (b == '\n') {
            chunkLeft = chunkSize == 0 ? -1 : chunkSize;
            chunkSize = 0;
        } else if (Character.digit(b, 16) >= 0) {
            chunkSize = chunkSize * 16 + Character.digit(b, 16);
        }
        return false;
    }

    /** Advances a match of {@code pattern}; its leading newline is shared with the end of the previous event. */
    private static int step(byte[] pattern, int at, byte b) {
        if (pattern[at] == b) {
            return at + 1;
        }
        return b == '\n' ? 1 : 0;
    }

    private void end() throws IOException {
        channel.close();
        finished = true;
        if (problem == null && !done) {
            problem = "stream ended without done";
        }
    }

    void fail(String why) {
        problem = problem == null ? why : problem;
        finished = true;
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
}
