package io.netfilterflow.scenario;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** The line of the JSON text where each field starts ({@code host.interfaces[2].master}), so a message can point at it. */
final class JsonLines {

    private final Map<String, Integer> lines = new HashMap<>();

    private JsonLines() {
    }

    static JsonLines of(JsonMapper mapper, String json) {
        JsonLines result = new JsonLines();
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != null) {
                result.walk(parser, "");
            }
        } catch (RuntimeException e) {
            // the tree parse reports syntax errors; lines are best effort
        }
        return result;
    }

    private void walk(JsonParser parser, String path) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String child = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
                lines.put(child, parser.currentTokenLocation().getLineNr());
                parser.nextToken();
                walk(parser, child);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + index++ + "]";
                lines.put(child, parser.currentTokenLocation().getLineNr());
                walk(parser, child);
            }
        }
    }

    /** The line of the field, or of its closest enclosing field; 0 when unknown. */
    int line(String field) {
        String candidate = field;
        while (candidate != null && !candidate.isEmpty()) {
            Integer line = lines.get(candidate);
            if (line != null) {
                return line;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            candidate = cut <= 0 ? null : candidate.substring(0, cut);
        }
        return 0;
    }
}
