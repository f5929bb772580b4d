package io.netfilterflow.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.web.server.ContentTooLargeException;

/** Reads a request body as UTF-8 text, refusing it with 413 as soon as it passes the limit. */
final class ScenarioBody {

    private ScenarioBody() {
    }

    static String read(InputStream body, long contentLength, int limit) throws IOException {
        if (contentLength > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            text.write(buffer, 0, n);
            if (text.size() > limit) {
                throw tooLarge(limit);
            }
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    private static ContentTooLargeException tooLarge(int limit) {
        ContentTooLargeException tooLarge = new ContentTooLargeException(null);
        tooLarge.getBody().setDetail("The scenario is larger than " + limit
                + " bytes, the most this server accepts (netfilter-flow.web.max-scenario-bytes).");
        return tooLarge;
    }
}
