package io.netfilterflow.share;

import io.netfilterflow.support.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ShareApiTest}'s share links, stored in PostgreSQL instead of H2 (as several servers store them). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netfilter-flow.web.max-rules=30", "netfilter-flow.web.max-packets=3",
                "netfilter-flow.web.max-scenario-bytes=65536"})
class ShareApiPostgresTest extends ShareApiTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
