package io.netfilterflow.live;

import io.netfilterflow.support.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link LiveApiTest}'s sessions in PostgreSQL, their states carried by its LISTEN/NOTIFY (as between servers). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netfilter-flow.live.max-streams=12", "netfilter-flow.live.max-answers=40",
                "netfilter-flow.live.heartbeat=300ms"})
class LiveApiPostgresTest extends LiveApiTest {

    @BeforeAll
    static void requirePostgres() {
        Postgres.require();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Postgres.register(registry);
    }
}
