package io.netfilterflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL the share tests also run against: the database .ci/run creates (a role and a database of the tests'
 * own on the local cluster), or the one {@code NETFILTER_FLOW_TEST_DB_URL} names. Each test JVM works in a schema of
 * its own, so runs never see each other's rows. Where no PostgreSQL answers, the tests say so and are skipped.
 */
public final class Postgres {

    private static final String URL = System.getenv().getOrDefault("NETFILTER_FLOW_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/netfilterflow_test");
    public static final String USER = System.getenv().getOrDefault("NETFILTER_FLOW_TEST_DB_USER", "netfilterflow");
    public static final String PASSWORD = System.getenv().getOrDefault("NETFILTER_FLOW_TEST_DB_PASSWORD",
            "netfilterflow");
    /** A schema of this JVM's own, created by Flyway. */
    public static final String SCHEMA = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    private Postgres() {
    }

    /** Skips the test, saying why, unless the tests' PostgreSQL answers. */
    public static void require() {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            Assumptions.assumeTrue(connection.isValid(5), "skipped: PostgreSQL at " + URL + " does not answer");
        } catch (SQLException e) {
            Assumptions.abort("skipped: no PostgreSQL at " + URL + " (.ci/run creates it): " + e.getMessage());
        }
    }

    /** Points a Spring test at this JVM's schema, which Flyway creates. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", Postgres::url);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    /** The JDBC URL of this JVM's schema. */
    public static String url() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }
}
