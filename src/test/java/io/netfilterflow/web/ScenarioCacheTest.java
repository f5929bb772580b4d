package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The parsed-scenario cache is bounded by the memory its entries keep, not only by their number. */
class ScenarioCacheTest {

    private static final String PRESET = Fixtures.read(Path.of("src/main/resources/scenarios/docker-wan-published.json"));

    @Test
    void aScenarioReadTwiceIsParsedOnce() {
        ScenarioCache cache = new ScenarioCache(DataSize.ofMegabytes(64));

        assertThat(cache.read(PRESET)).isSameAs(cache.read(PRESET));
        assertThat(cache.bytes()).isEqualTo(ScenarioCache.estimate(PRESET));
    }

    @Test
    void theEldestScenariosLeaveWhenTheBytesRunOut() {
        long each = ScenarioCache.estimate(variant(0));
        ScenarioCache cache = new ScenarioCache(DataSize.ofBytes(each * 3 + each / 2));

        var first = cache.read(variant(0));
        for (int i = 1; i < 10; i++) {
            cache.read(variant(i));
            assertThat(cache.bytes()).isLessThanOrEqualTo(each * 3 + each / 2);
        }
        assertThat(cache.size()).isEqualTo(3);
        var kept = cache.read(variant(9));
        assertThat(cache.read(variant(9))).isSameAs(kept);
        assertThat(cache.read(variant(0))).as("the eldest was dropped, so it is parsed again").isNotSameAs(first);
    }

    @Test
    void aScenarioLargerThanTheCacheRunsButIsNotKept() {
        ScenarioCache cache = new ScenarioCache(DataSize.ofBytes(ScenarioCache.estimate(PRESET) - 1));

        assertThat(cache.read(PRESET).title()).isNotBlank();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    private static String variant(int i) {
        return PRESET.replaceFirst("\"title\": \"", "\"title\": \"" + i + " ");
    }
}
