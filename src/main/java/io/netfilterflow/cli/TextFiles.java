package io.netfilterflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How the commands read their input files: as UTF-8 text, streamed with a cap, so that a device
 * ({@code /dev/zero}), a binary or a huge file is refused after its first offending byte instead of
 * being read whole. The first thing wrong is the one named: bad UTF-8, a NUL byte, or the size.
 */
final class TextFiles {

    /** Larger than any real dump: the biggest corpus ruleset is a few MB. */
    static final int MAX_BYTES = 64 << 20;
    private static final int BLOCK = 64 << 10;
    private static final int COLLECT_AFTER = 8 << 20;

    /** Why a file was not read, worded to follow {@code file: }. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private TextFiles() {
    }

    static String read(String file) throws Refused {
        return read(file, MAX_BYTES);
    }

    static String read(String file, int limit) throws Refused {
        String text = readOnce(file, limit);
        if (text.length() > COLLECT_AFTER) {
            // the buffer read into is garbage as large as the file, in the old generation, where nothing would
            // collect it in a command's short run: collected now, in a few ms, once the reading frame is gone
            System.gc();
        }
        return text;
    }

    private static String readOnce(String file, int limit) throws Refused {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new Refused("cannot read: not a file name");
        }
        if (Files.isDirectory(path)) {
            throw new Refused("cannot read: is a directory");
        }
        String text;
        try (InputStream in = Files.newInputStream(path)) {
            text = capped(in, limit, Files.isRegularFile(path) ? Files.size(path) : 0);
        } catch (NoSuchFileException e) {
            throw new Refused("cannot read: no such file");
        } catch (IOException e) {
            throw new Refused("cannot read: " + e.getMessage());
        }
        return text;
    }

    /**
     * The text up to the first NUL (refused) or past the limit (refused), read a block at a time into a buffer
     * as large as the file says it is. ASCII, what dumps are, becomes a string in one copy; anything else is
     * decoded strictly.
     */
    private static String capped(InputStream in, int limit, long expected) throws IOException, Refused {
        byte[] bytes = new byte[(int) Math.max(8192, Math.min(expected + 1, limit + 1L))];
        int size = 0;
        boolean ascii = true;
        while (true) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min((long) bytes.length * 2, limit + 1L));
            }
            // a block at a time: a channel's stream reads through a native buffer as large as the request
            int n = in.read(bytes, size, Math.min(BLOCK, bytes.length - size));
            if (n < 0) {
                return ascii ? new String(bytes, 0, size, StandardCharsets.ISO_8859_1)
                        : decode(Arrays.copyOf(bytes, size));
            }
            // one OR a byte: a byte of 0 or above 127 sets the sign bit, and only then is the block looked at again
            int zeroOrHigh = 0;
            for (int i = size; i < size + n; i++) {
                zeroOrHigh |= bytes[i] - 1;
            }
            for (int i = size; zeroOrHigh < 0 && i < size + n; i++) {
                byte b = bytes[i];
                if (b == 0) {
                    decode(Arrays.copyOf(bytes, i)); // bad UTF-8 before the NUL is named first
                    throw new Refused("cannot read: not a text file (a NUL byte at offset " + i + ")");
                }
                ascii &= b > 0;
            }
            size += n;
            if (size > limit) {
                throw new Refused("cannot read: larger than " + (limit % (1 << 20) == 0 ? (limit >> 20) + " MiB"
                        : limit + " bytes") + ", the most this command reads");
            }
        }
    }

    private static String decode(byte[] bytes) throws Refused {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("cannot read: not UTF-8 text");
        }
    }
}
