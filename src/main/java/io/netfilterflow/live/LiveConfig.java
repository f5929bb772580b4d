package io.netfilterflow.live;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bus the database allows: PostgreSQL's own {@code LISTEN}/{@code NOTIFY} where the servers share one (no
 * broker beside it), else this server alone (the embedded H2 is one server's file).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
@EnableScheduling // LiveSessions.sweep
class LiveConfig {

    @Bean
    LiveBus liveBus(DataSource dataSource, JdbcClient jdbc, JsonMapper json) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        return "PostgreSQL".equals(product) ? new PostgresLiveBus(dataSource, jdbc, json) : new LocalLiveBus();
    }
}
