package io.netfilterflow.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problems in one language: each key looked up in the {@code problems} bundles (one per area of the input:
 * the scenario, iptables rules, ebtables rules, addresses and routes), its arguments put in place. Korean,
 * simplified and traditional Chinese; any other language reads English.
 */
public final class ProblemText {

    /** The bundles, by area; a key's prefix names its area, so no key is in two. */
    static final List<String> BUNDLES = List.of("problems", "problems-api", "problems-rules", "problems-bridge",
            "problems-net");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<Locale, ProblemText> LOADED = new ConcurrentHashMap<>();
    public static final ProblemText ENGLISH = of(Locale.ROOT);

    private final List<ResourceBundle> bundles;

    private ProblemText(Locale locale) {
        this.bundles = BUNDLES.stream()
                .map(name -> ResourceBundle.getBundle(name, locale, ProblemText.class.getClassLoader(), NO_FALLBACK))
                .toList();
    }

    /** The words for {@code locale}: Korean, Chinese (simplified or traditional), else English. */
    public static ProblemText of(Locale locale) {
        return LOADED.computeIfAbsent(bundleLocale(locale), ProblemText::new);
    }

    /** The four languages there are bundles for; every other locale maps to the English one. */
    public static Locale bundleLocale(Locale locale) {
        if (locale == null) {
            return Locale.ROOT;
        }
        return switch (locale.getLanguage()) {
            case "ko" -> Locale.KOREAN;
            case "zh" -> "Hant".equals(locale.getScript()) || java.util.Set.of("TW", "HK", "MO").contains(
                    locale.getCountry()) && !"Hans".equals(locale.getScript()) ? Locale.TRADITIONAL_CHINESE
                    : Locale.SIMPLIFIED_CHINESE;
            default -> Locale.ROOT;
        };
    }

    public String render(Problem problem) {
        String pattern = pattern(problem.key());
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (m.find()) {
            int index = Integer.parseInt(m.group(1));
            String value = index < problem.args().size() ? argument(problem.args().get(index)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String argument(Object arg) {
        return arg instanceof Problem phrase ? render(phrase) : (String) arg;
    }

    private String pattern(String key) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return key + " {0} {1} {2} {3}"; // ProblemBundlesTest keeps every key in every bundle; never fail a refusal
    }
}
