package io.netfilterflow.share;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The embedded default: an H2 file {@code shares.mv.db} under {@code netfilter-flow.data-dir}
 * ({@code ./data} unless set), created on first start. The profile {@code postgres}, or
 * {@code spring.datasource.url}, points the same store at a PostgreSQL that several servers share.
 * Which one is decided when the server starts, not by a condition: the quick start's bean definitions are made
 * ahead of time at build (Spring AOT), where a condition on a property would be fixed for good.
 */
@Configuration(proxyBeanMethods = false)
class ShareDatabase {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource shareDataSource(DataSourceProperties properties,
                                     @Value("${netfilter-flow.data-dir:./data}") String dataDir) {
        if (StringUtils.hasText(properties.getUrl())) {
            // spring.datasource.*, read as Spring Boot's own pool reads them
            return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir
                    + " (netfilter-flow.data-dir)", e);
        }
        // WRITE_DELAY=0: a share is on disk when POST returns, so a killed server keeps it
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url("jdbc:h2:file:" + dir.resolve("shares") + ";WRITE_DELAY=0").username("sa").password("").build();
    }
}
