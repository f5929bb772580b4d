package io.netfilterflow.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /capture.sh}: the repository's {@code capture/netfilter-flow-capture.sh}, the read-only script that
 * records a host as a {@code netfilter-flow/snapshot@1} document. Served as plain text, so a browser shows it to be
 * read before anyone runs it, under the name it has in the repository when saved.
 */
@RestController
class CaptureScriptController {

    static final String RESOURCE = "capture/netfilter-flow-capture.sh";

    private final byte[] script = load();

    @GetMapping("/capture.sh")
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("netfilter-flow-capture.sh").build().toString())
                .cacheControl(CacheControl.noCache()).body(script);
    }

    private static byte[] load() {
        try (InputStream in = CaptureScriptController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
