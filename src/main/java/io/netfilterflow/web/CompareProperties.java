package io.netfilterflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of {@code POST /api/compare} ({@code netfilter-flow.compare.*}), beside the scenario's own.
 *
 * @param maxTraceBytes largest trace text accepted, in UTF-8 bytes; larger ones get 413
 * @param maxTraceLines most lines of trace text read; more get 413
 * @param maxPairs most simulated lines times kernel lines aligned (the alignment's table); more get 413
 */
@ConfigurationProperties("netfilter-flow.compare")
public record CompareProperties(Integer maxTraceBytes, Integer maxTraceLines, Long maxPairs) {

    public CompareProperties {
        maxTraceBytes = maxTraceBytes == null ? 1 << 20 : maxTraceBytes;
        maxTraceLines = maxTraceLines == null ? 20_000 : maxTraceLines;
        maxPairs = maxPairs == null ? 4_000_000L : maxPairs;
    }

    /** The request body's limit: a scenario and a trace, which JSON's escapes may make up to twice as long. */
    int maxBodyBytes(WebProperties web) {
        return (int) Math.min(Integer.MAX_VALUE - 16, web.maxScenarioBytes() + 2L * maxTraceBytes + 4096);
    }
}
