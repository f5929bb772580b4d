package io.netfilterflow.share;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: an H2 file {@code shares.mv.db} under {@code netfilter-flow.data-dir}
 * ({@code ./data} unless set), created on first start. The profile {@code postgres}, or
 * {@code spring.datasource.url}, points the same store at a PostgreSQL that several servers share.
 */
@Configuration(proxyBeanMethods = false)
class ShareDatabase {

    @Bean
    @ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
    DataSource shareDataSource(@Value("${netfilter-flow.data-dir:./data}") String dataDir) {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir
                    + " (netfilter-flow.data-dir)", e);
        }
        // WRITE_DELAY=0: a share is on disk when POST returns, so a killed server keeps it
        return DataSourceBuilder.create().url("jdbc:h2:file:" + dir.resolve("shares") + ";WRITE_DELAY=0")
                .username("sa").password("").build();
    }
}
