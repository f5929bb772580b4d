package io.netfilterflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.support.Bundles;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trace's words: every reason code has a sentence in every language, each with exactly the arguments the
 * code names, and the text format's frame words are all there; a reader's locale finds its bundle.
 */
class ReasonBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @ParameterizedTest
    @ValueSource(strings = {"", "_ko", "_zh_CN", "_zh_TW"})
    void everyCodeHasItsSentenceWithExactlyItsArguments(String suffix) throws IOException {
        Properties bundle = Bundles.load("reasons" + suffix + ".properties");
        Set<String> codes = Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> sentences = bundle.stringPropertyNames().stream().filter(key -> !key.startsWith("text."))
                .collect(Collectors.toSet());
        assertThat(sentences).as("reason keys of reasons%s", suffix).containsExactlyInAnyOrderElementsOf(codes);
        for (ReasonCode code : ReasonCode.values()) {
            String sentence = bundle.getProperty(code.name());
            assertThat(sentence).as(code.name()).isNotBlank();
            assertThat(Bundles.placeholders(sentence, PLACEHOLDER)).as("arguments of %s in reasons%s", code, suffix)
                    .isEqualTo(new TreeSet<>(code.params()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"_ko", "_zh_CN", "_zh_TW"})
    void theTextFormatsFrameIsTranslatedWithTheSameArguments(String suffix) throws IOException {
        Properties english = Bundles.load("reasons.properties");
        Properties translated = Bundles.load("reasons" + suffix + ".properties");
        for (String key : english.stringPropertyNames()) {
            assertThat(translated.getProperty(key)).as("%s in reasons%s", key, suffix).isNotBlank();
            assertThat(Bundles.placeholders(translated.getProperty(key), PLACEHOLDER)).as(key)
                    .isEqualTo(Bundles.placeholders(english.getProperty(key), PLACEHOLDER));
        }
        long same = english.stringPropertyNames().stream()
                .filter(key -> english.getProperty(key).equals(translated.getProperty(key))).count();
        assertThat(same).as("sentences left in English in reasons%s", suffix).isLessThan(english.size() / 10);
    }

    @Test
    void aReadersLocaleFindsItsBundleAndAnyOtherReadsEnglish() {
        assertThat(TraceMessages.of(Locale.forLanguageTag("ko-KR")).language()).isEqualTo("ko");
        assertThat(TraceMessages.of(Locale.forLanguageTag("zh-Hans")).language()).isEqualTo("zh-CN");
        assertThat(TraceMessages.of(Locale.forLanguageTag("zh")).language()).isEqualTo("zh-CN");
        assertThat(TraceMessages.of(Locale.forLanguageTag("zh-Hant")).language()).isEqualTo("zh-TW");
        assertThat(TraceMessages.of(Locale.forLanguageTag("zh-HK")).language()).isEqualTo("zh-TW");
        assertThat(TraceMessages.of(Locale.forLanguageTag("zh-Hans-HK")).language()).isEqualTo("zh-CN");
        assertThat(TraceMessages.of(Locale.forLanguageTag("de-DE")).language()).isEqualTo("en");
        assertThat(TraceMessages.of(null).language()).isEqualTo("en");
    }

    @Test
    void aPhraseIsRenderedInsideItsSentence() {
        Reason reason = Reason.of(ReasonCode.ROUTE_FORWARD, "10.0.0.2",
                Reason.of(ReasonCode.PATH_VIA, "192.0.2.1", "eth0", "default via 192.0.2.1 dev eth0"));
        assertThat(TraceMessages.ENGLISH.render(reason)).isEqualTo("routing decision: forward to 10.0.0.2 via "
                + "192.0.2.1 out of eth0 (route: default via 192.0.2.1 dev eth0)");
        assertThat(TraceMessages.of(Locale.KOREAN).render(reason)).contains("10.0.0.2", "192.0.2.1", "eth0")
                .doesNotContain("{", "routing decision");
    }

    @Test
    void aReasonTakesExactlyTheArgumentsItsCodeNames() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Reason.of(ReasonCode.ROUTE_LOCAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dst");
    }
}
