package io.netfilterflow.trace;

import io.netfilterflow.problem.ProblemText;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trace's words in one language: each {@link Reason} rendered from the {@code reasons} bundle (English,
 * Korean, simplified and traditional Chinese), its named arguments put in place. A language without a
 * bundle reads English, whatever the machine's own locale is.
 */
public final class TraceMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Map<Locale, TraceMessages> LOADED = new ConcurrentHashMap<>();
    public static final TraceMessages ENGLISH = of(Locale.ROOT);

    private final ResourceBundle bundle;

    private TraceMessages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The words for {@code locale} ({@code ko}, {@code zh-Hans}, {@code zh-TW}…), English when none match. */
    public static TraceMessages of(Locale locale) {
        return LOADED.computeIfAbsent(ProblemText.bundleLocale(locale), l -> new TraceMessages(
                ResourceBundle.getBundle("reasons", l, TraceMessages.class.getClassLoader(), NO_FALLBACK)));
    }


    /** The language the words are in, as a BCP 47 tag ({@code en} for the base bundle). */
    public String language() {
        Locale locale = bundle.getLocale();
        return locale == null || locale.getLanguage().isEmpty() ? "en" : locale.toLanguageTag();
    }

    /** The reason's sentence, its phrases rendered in turn. */
    public String render(Reason reason) {
        List<String> names = reason.code().params();
        return fill(pattern(reason.code().name()), name -> {
            int index = names.indexOf(name);
            return index < 0 ? null : argument(reason.args().get(index));
        });
    }

    /** A step's sentence: its reason, then what the matches and targets noted, joined as one sentence. */
    public String render(Reason reason, List<Reason> notes) {
        StringBuilder text = new StringBuilder(render(reason));
        for (Reason note : notes) {
            text.append("; ").append(render(note));
        }
        return text.toString();
    }

    /** A frame word of the text format ({@code text.packet}), its named arguments put in place. */
    public String text(String key, Map<String, ?> args) {
        return fill(pattern("text." + key), name -> args.containsKey(name) ? String.valueOf(args.get(name)) : null);
    }

    private String argument(ReasonArg arg) {
        return arg instanceof Reason phrase ? render(phrase) : ((ReasonArg.Value) arg).text();
    }

    private String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key; // the sync test keeps every bundle complete; a gap shows the key rather than failing a run
        }
    }

    private static String fill(String pattern, java.util.function.Function<String, String> value) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (m.find()) {
            String replacement = value.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
