package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Once ready, the server runs one preset's simulation on itself, through the API a page uses, so the first reader
 * after a start does not wait for the JIT (the tests' other contexts turn it off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "netfilter-flow.warmup=true")
class EngineWarmupTest {

    @Autowired
    SimulationStreams streams;

    @Test
    void theServerSimulatesAPresetOnItselfOnceReady() throws InterruptedException {
        for (int i = 0; i < 300 && streams.stepsProduced() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(streams.stepsProduced()).as("hops of the warm-up's stream").isGreaterThan(20);
        for (int i = 0; i < 100 && streams.openStreams() > 0; i++) {
            Thread.sleep(50);
        }
        assertThat(streams.openStreams()).as("its stream read to the end and closed").isZero();
    }
}
