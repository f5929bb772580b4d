package io.netfilterflow.web;

import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Parsed scenarios by their exact text, the most recently used few. A class opening the same preset
 * parses its rules once; a scenario is an immutable value, so sharing one between runs is safe.
 */
@Component
class ScenarioCache {

    private static final int CAPACITY = 64;

    private final Map<String, Scenario> recent = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The scenario of {@code text}; a text that is refused is not kept, so it is refused again. */
    Scenario read(String text) {
        synchronized (recent) {
            Scenario known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        Scenario scenario = ScenarioReader.read(text);
        synchronized (recent) {
            recent.put(text, scenario);
        }
        return scenario;
    }
}
