package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Parsed scenarios by their exact text, the most recently used few. A class opening the same preset
 * parses its rules once; a scenario is an immutable value, so sharing one between runs is safe.
 * Bounded by an estimate of the memory the entries keep ({@code netfilter-flow.web.scenario-cache-bytes}),
 * not only by their number: a few large rulesets must not pin the heap.
 */
@Component
class ScenarioCache {

    private static final int CAPACITY = 64;
    /**
     * Bytes kept per character of scenario text: the parsed scenario measured 5.2 (20,000 rules) to 7.7
     * (a preset) times its text's length on a 64-bit JVM with compressed oops, plus the text itself as
     * the key (1 or 2 bytes a character).
     */
    static final int BYTES_PER_CHAR = 10;

    private final long maxBytes;
    private final Map<String, Scenario> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    ScenarioCache(@Value("${netfilter-flow.web.scenario-cache-bytes:64MB}") DataSize maxBytes) {
        this.maxBytes = maxBytes.toBytes();
    }

    /** The scenario of {@code text}; a text that is refused is not kept, so it is refused again. */
    Scenario read(String text) {
        synchronized (recent) {
            Scenario known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        Scenario scenario = ScenarioReader.read(text);
        keep(text, scenario);
        return scenario;
    }

    /** The estimated bytes the cache keeps now. */
    long bytes() {
        synchronized (recent) {
            return bytes;
        }
    }

    int size() {
        synchronized (recent) {
            return recent.size();
        }
    }

    static long estimate(String text) {
        return (long) text.length() * BYTES_PER_CHAR;
    }

    private void keep(String text, Scenario scenario) {
        long cost = estimate(text);
        if (cost > maxBytes) {
            return; // larger than the whole cache: parsed for this run only
        }
        synchronized (recent) {
            if (recent.put(text, scenario) == null) {
                bytes += cost;
            }
            Iterator<String> eldest = recent.keySet().iterator();
            while ((bytes > maxBytes || recent.size() > CAPACITY) && eldest.hasNext()) {
                bytes -= estimate(eldest.next());
                eldest.remove();
            }
        }
    }
}
