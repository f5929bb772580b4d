package io.netfilterflow.web;

import io.netfilterflow.problem.Problem;
import io.netfilterflow.scenario.ScenarioException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** A request body as UTF-8 text: refused with 413 as soon as it passes the limit, with 400 if not UTF-8. */
final class ScenarioBody {

    private ScenarioBody() {
    }

    static String read(InputStream body, long contentLength, int limit) throws IOException {
        if (contentLength > limit) {
            throw tooLarge(limit);
        }
        return text(bytes(body, limit));
    }

    /** The body's bytes, read on this thread, up to the limit. */
    static byte[] bytes(InputStream body, int limit) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            bytes.write(buffer, 0, n);
            if (bytes.size() > limit) {
                throw tooLarge(limit);
            }
        }
        return bytes.toByteArray();
    }

    /** The bytes as text; bad UTF-8 is refused at its line, never replaced behind the client's back. */
    static String text(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new ScenarioException(null, line(body, at), 0, Problem.of("api.not-utf8", at,
                    Integer.toHexString(body[at] & 0xff)));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    static RequestRefused tooLarge(int limit) {
        return new RequestRefused(HttpStatus.CONTENT_TOO_LARGE, Problem.of("api.too-large", limit));
    }

    private static int line(byte[] body, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            line += body[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
