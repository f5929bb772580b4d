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

    /**
     * A file's text, and the bytes it was read into when it is ASCII and not large (null otherwise): the character
     * at each index of the text is the byte there, and a parser can split lines in them instead of in a copy.
     */
    record Text(String text, byte[] ascii) {
    }

    static String read(String file) throws Refused {
        return read(file, MAX_BYTES);
    }

    static String read(String file, int limit) throws Refused {
        return collected(readOnce(file, limit, false));
    }

    /** As {@link #read(String)}, with the bytes of an ASCII file up to 8 MB. */
    static Text readText(String file) throws Refused {
        Text read = readOnce(file, MAX_BYTES, true);
        return read.ascii() != null ? read : new Text(collected(read), null);
    }

    private static String collected(Text read) {
        if (read.text().length() > COLLECT_AFTER) {
            // the buffer read into is garbage as large as the file, in the old generation, where nothing would
            // collect it in a command's short run: collected now, in a few ms, once the reading frame is gone
            System.gc();
        }
        return read.text();
    }

    private static Text readOnce(String file, int limit, boolean keepAscii) throws Refused {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new Refused("cannot read: not a file name");
        }
        if (Files.isDirectory(path)) {
            throw new Refused("cannot read: is a directory");
        }
        Text text;
        try (InputStream in = Files.newInputStream(path)) {
            text = capped(in, limit, Files.isRegularFile(path) ? Files.size(path) : 0, keepAscii);
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
    private static Text capped(InputStream in, int limit, long expected, boolean keepAscii)
            throws IOException, Refused {
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
                if (!ascii) {
                    return new Text(decode(Arrays.copyOf(bytes, size)), null);
                }
                String text = new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
                return new Text(text, keepAscii && size <= COLLECT_AFTER ? bytes : null);
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
