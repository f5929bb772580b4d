package io.netfilterflow.netfilter.nft.json;

import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetParser;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads what {@code nft -j list ruleset} prints (libnftables-json: {@code {"nftables": [{"metainfo": ...},
 * {"table": ...}, {"chain": ...}, {"rule": ...}, {"set": ...}, ...]}}) into the same {@link NftRuleset} that
 * {@link NftRulesetParser} makes of {@code nft list ruleset}: each object is written as nft prints it in text
 * ({@link NftJsonListing}), that text is read by the text parser, and every line in the model and in a refusal
 * is the JSON line of the object it came from. JSON on one line (as nft prints it) is numbered as it is when
 * pretty-printed ({@code jq .}: each member and element on its own line). Budgets: Jackson's
 * {@link StreamReadConstraints} (nesting, size) and then the text parser's.
 */
public final class NftJsonReader {

    static final int MAX_DEPTH = 64;
    static final long MAX_LENGTH = 64L * 1024 * 1024;

    /** Made when JSON is first read: {@link #isJson} is asked of every file {@code check} reads, most of them not JSON. */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(MAX_LENGTH).build())
                .build()).disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
                .withArrayIndenter(new DefaultIndenter("  ", "\n")).withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    private NftJsonReader() {
    }

    /** Whether the text is JSON rather than nft text: its first non-blank character is {@code {}. */
    public static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    /** What {@code nft list ruleset} prints, or its JSON ({@code nft -j}), told apart by the first character. */
    public static NftRuleset parse(String text) {
        return isJson(text) ? read(text) : NftRulesetParser.parse(text);
    }

    public static NftRuleset read(String text) {
        String numbered = text.strip().indexOf('\n') < 0 ? pretty(text) : text;
        NftJsonListing listing = NftJsonListing.of(items(numbered));
        try {
            return NftJsonLines.renumber(NftRulesetParser.parse(listing.text()), listing::jsonLine);
        } catch (RulesSyntaxException e) {
            throw new RulesSyntaxException(listing.jsonLine(e.line()), e.problem());
        }
    }

    private static String pretty(String text) {
        try {
            return Json.MAPPER.writer().with(Json.PRETTY).writeValueAsString(Json.MAPPER.reader()
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text));
        } catch (JacksonException e) {
            throw invalid(e);
        }
    }

    /** The objects of the {@code nftables} array, each with the line it starts on. */
    private static List<NftJsonListing.Item> items(String text) {
        List<NftJsonListing.Item> items = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            expect(parser, parser.nextToken() == JsonToken.START_OBJECT, "{\"nftables\": [ ... ]}");
            expect(parser, parser.nextToken() == JsonToken.PROPERTY_NAME && parser.currentName().equals("nftables"),
                    "\"nftables\"");
            expect(parser, parser.nextToken() == JsonToken.START_ARRAY, "[");
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = Json.MAPPER.readTree(parser);
                if (node == null || !node.isObject() || node.size() != 1) {
                    throw new RulesSyntaxException(line, Problem.of("rules.nft-expected",
                            "{\"table\": ...}, {\"chain\": ...}, {\"rule\": ...} ...", String.valueOf(node)));
                }
                String kind = node.propertyNames().iterator().next();
                items.add(new NftJsonListing.Item(kind, node.get(kind), line));
            }
            JsonToken after = parser.nextToken();
            expect(parser, after == JsonToken.END_OBJECT, "}");
            expect(parser, parser.nextToken() == null, "the end of the JSON text");
        } catch (JacksonException e) {
            throw invalid(e);
        }
        return items;
    }

    private static void expect(JsonParser parser, boolean ok, String what) {
        if (!ok) {
            JsonToken token = parser.currentToken();
            throw new RulesSyntaxException(parser.currentTokenLocation().getLineNr(), Problem.of("rules.nft-expected",
                    what, token == null ? "end of input" : parser.getString()));
        }
    }

    private static RulesSyntaxException invalid(JacksonException e) {
        int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        String column = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
        return new RulesSyntaxException(line, Problem.of("rules.nft-json-invalid", e.getOriginalMessage() + column));
    }
}
