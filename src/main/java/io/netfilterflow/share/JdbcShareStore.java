package io.netfilterflow.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Shares in a SQL table (schema: {@code db/migration}). Rows are only ever inserted. A text stored
 * twice keeps its first id (found by its SHA-256), so sharing the same scenario again does not grow
 * the table; a collision of random ids, or two servers saving the same text at once, is retried.
 */
@Repository
class JdbcShareStore implements ShareStore {

    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;

    JdbcShareStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ShareId save(String scenario) {
        String digest = sha256(scenario);
        for (int attempt = 1; ; attempt++) {
            Optional<ShareId> known = byDigest(digest);
            if (known.isPresent()) {
                return known.get();
            }
            ShareId id = ShareId.random();
            try {
                jdbc.sql("INSERT INTO share (id, digest, scenario) VALUES (:id, :digest, :scenario)")
                        .param("id", id.value()).param("digest", digest).param("scenario", scenario).update();
                return id;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<String> find(ShareId id) {
        return jdbc.sql("SELECT scenario FROM share WHERE id = :id").param("id", id.value())
                .query(String.class).optional();
    }

    private Optional<ShareId> byDigest(String digest) {
        return jdbc.sql("SELECT id FROM share WHERE digest = :digest").param("digest", digest)
                .query(String.class).optional().map(ShareId::new);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
