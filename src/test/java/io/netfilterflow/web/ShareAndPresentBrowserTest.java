package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Page;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.Bundles;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.support.FlowPage;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceMessages;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Share links, deep links and presenter mode in Debian's Chromium: a link reopens the identical
 * scenario and trace, whether the scenario travels in the fragment or is stored on the server; a link
 * to a hop opens there, in presenter mode if asked; the exports are the API's own texts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareAndPresentBrowserTest extends BrowserPages {

    private static final Path PRESETS = Path.of("src/main/resources/scenarios");

    @Test
    void aFragmentLinkCarriesTheWholeScenarioAndReopensItsTrace() {
        Page page = open("/?preset=home-router-port-forward");
        FlowPage.run(page);
        String link = FlowPage.link(page, false, false);
        assertThat(link).startsWith(base() + "/#s=").doesNotContain("/s/").hasSizeLessThanOrEqualTo(2000);

        Page reopened = open(link.substring(base().length()));
        FlowPage.finished(reopened);
        assertThat(FlowPage.export(reopened, "export-scenario"))
                .isEqualTo(FlowPage.json(Fixtures.read(PRESETS.resolve("home-router-port-forward.json"))));
        assertThat(FlowPage.export(reopened, "export-trace")).isEqualTo(FlowPage.export(page, "export-trace"));
        // at the same hop: the event list opens the chain's visit the current hop is in
        page.keyboard().press("End");
        reopened.keyboard().press("End");
        assertThat(reopened.textContent("#events")).isEqualTo(page.textContent("#events"));
    }

    /** A link stored before the trace became typed data still opens at its hop and runs the same trace. */
    @Test
    void aFragmentLinkStoredBeforeTypedTracesStillOpensAndRuns() throws Exception {
        String link = Fixtures.read(Path.of("src/test/resources/share/home-router-link-2026-12-06.txt")).lines()
                .filter(line -> line.startsWith("/#s=")).findFirst().orElseThrow();
        String fragment = link.substring("/#s=".length(), link.indexOf('&'));
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setInput(java.util.Base64.getUrlDecoder().decode(fragment));
        byte[] json = new byte[64 * 1024];
        String scenario = new String(json, 0, inflater.inflate(json), java.nio.charset.StandardCharsets.UTF_8);
        Trace trace = Simulator.run(ScenarioReader.read(scenario));

        Page page = open(link);
        FlowPage.finished(page);
        assertThat(page.textContent("#position")).isEqualTo("hop 5 of " + trace.steps().size());
        assertThat(FlowPage.litBox(page)).isEqualTo(trace.steps().get(4).node());
        assertThat(page.textContent("#why"))
                .isEqualTo(TraceMessages.ENGLISH.render(trace.steps().get(4).reason(), trace.steps().get(4).notes()));
        assertThat(FlowPage.export(page, "export-scenario")).isEqualTo(FlowPage.json(scenario));
    }

    @Test
    void aLargeScenarioIsStoredAndItsLinkReopensItsTrace() {
        Page page = open("/?preset=kubernetes-clusterip");
        FlowPage.run(page);
        String link = FlowPage.link(page, false, false);
        assertThat(link).matches(base() + "/s/[A-Za-z0-9_-]{22}");

        Page reopened = open(link.substring(base().length()));
        FlowPage.finished(reopened);
        assertThat(FlowPage.export(reopened, "export-scenario"))
                .isEqualTo(FlowPage.json(Fixtures.read(PRESETS.resolve("kubernetes-clusterip.json"))));
        assertThat(FlowPage.export(reopened, "export-trace")).isEqualTo(FlowPage.export(page, "export-trace"));
    }

    @Test
    void aDeepLinkOpensPresenterModeAtItsHop() {
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve("docker-wan-published.json"))));
        Page page = open("/?preset=docker-wan-published#hop=12&present", 1920, 1080);
        FlowPage.finished(page);

        assertThat(page.evaluate("() => document.documentElement.classList.contains('presenting')")).isEqualTo(true);
        assertThat(page.isVisible("#editor")).isFalse();
        assertThat(page.isVisible(".controls")).as("keys only: no on-screen controls").isFalse();
        assertThat(page.isVisible("#run")).isFalse();
        assertThat(page.textContent("#caption")).contains("hop 12 of " + trace.steps().size())
                .contains(TraceMessages.ENGLISH.render(trace.steps().get(11).reason(), trace.steps().get(11).notes()));
        assertThat(FlowPage.litBox(page)).isEqualTo(trace.steps().get(11).node());
        assertThat(page.locator("#caption .rule-line").count()).as("a routing decision has no rule").isZero();
        assertThat(page.isVisible(".notes")).as("the diagram has the whole screen: notes only when asked for").isFalse();
        Browser.screenshot(page, "presenter-hop-12");

        page.keyboard().press("ArrowRight");
        assertThat(page.textContent("#caption")).contains("hop 13 of " + trace.steps().size());
        assertThat(FlowPage.litBox(page)).isEqualTo(trace.steps().get(12).node());
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        assertThat(page.textContent("#caption")).contains("hop 11 of " + trace.steps().size());

        double alone = page.locator(".node.lit").boundingBox().width;
        page.keyboard().press("n");
        assertThat(page.isVisible(".notes")).as("N shows the notes").isTrue();
        assertThat(page.textContent(".notes")).contains("Because DNAT runs before the routing decision");
        double presenting = fontSize(page, ".notes p");
        assertThat(presenting).as("the notes in big type").isGreaterThanOrEqualTo(18);
        var diagram = page.locator(".diagram").boundingBox();
        var notes = page.locator(".notes").boundingBox();
        assertThat(notes.x + notes.width).as("over the diagram's right side").isGreaterThan(diagram.x + diagram.width - 2);
        assertThat(page.locator(".node.lit").boundingBox().width).as("the diagram keeps its size under the notes")
                .isEqualTo(alone);
        Browser.screenshot(page, "presenter-notes-shown");
        page.keyboard().press("n");
        assertThat(page.isVisible(".notes")).as("N hides them again").isFalse();

        page.keyboard().press("Escape");
        assertThat(page.isVisible(".controls")).isTrue();
        assertThat(page.isVisible("#caption")).isFalse();
        assertThat(presenting).as("big type").isGreaterThan(fontSize(page, ".notes p") * 1.3);
    }

    @Test
    void thePresentersCaptionNamesTheDecidingRule() {
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve("docker-wan-published.json"))));
        Step dnat = trace.steps().stream().filter(s -> s.rule() != null && s.rule().text().contains("-j DNAT"))
                .findFirst().orElseThrow();
        Page page = open("/?preset=docker-wan-published#hop=" + dnat.seq() + "&present");
        FlowPage.finished(page);
        assertThat(page.textContent("#caption .rule-line"))
                .isEqualTo("iptables line " + dnat.rule().line() + ": " + dnat.rule().text());
        Browser.screenshot(page, "presenter-dnat-rule");
    }

    @Test
    void aDeepLinkToAHopWithLongHeadersStaysWithinTheWindow() {
        Page page = open("/?preset=kubernetes-clusterip#hop=30");
        FlowPage.finished(page);
        assertThat(page.textContent("#position")).isEqualTo("hop 30 of 70");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
        Browser.screenshot(page, "kubernetes-hop-30");
    }

    /** The banner of a rejected packet names the rule the server says decided it, with its line. */
    @Test
    void aRejectedPacketsBannerNamesItsRule() {
        Page page = open("/?preset=kubernetes-clusterip#hop=70");
        FlowPage.finished(page);
        assertThat(page.textContent(".banner.rejected .outcome")).startsWith("Packet 3: rejected");
        assertThat(page.textContent(".banner.rejected .rule")).contains("iptables line 38")
                .contains("-j REJECT --reject-with icmp-port-unreachable");
    }

    @Test
    void aSharedLinkToAHopInPresenterModeOpensThere() {
        Page page = open("/?preset=raw-notrack");
        FlowPage.run(page);
        page.keyboard().press("Home");
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("ArrowRight");
        }
        String link = FlowPage.link(page, true, true);
        assertThat(link).contains("#s=").endsWith("&hop=5&present");

        Page reopened = open(link.substring(base().length()));
        FlowPage.finished(reopened);
        assertThat(reopened.evaluate("() => document.documentElement.classList.contains('presenting')")).isEqualTo(true);
        assertThat(reopened.textContent("#caption")).contains("hop 5 of");
        assertThat(FlowPage.litBox(reopened)).isEqualTo(FlowPage.litBox(page));
    }

    @Test
    void theCopiedTracesAreTheApisTexts() {
        Page page = open("/?preset=udp-dnat-router", new NewContextOptions().setViewportSize(1280, 720)
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        FlowPage.run(page);
        Trace trace = Simulator.run(ScenarioReader.read(Fixtures.read(PRESETS.resolve("udp-dnat-router.json"))));

        page.click("#export summary");
        page.click("#copy-conformance");
        page.waitForCondition(() -> ConformanceFormat.format(trace).equals(clipboard(page)));
        page.click("#export summary");
        page.click("#copy-text");
        page.waitForCondition(() -> clipboard(page).contains("LOG"));
        assertThat(clipboard(page)).contains("Packet 3").contains("192.168.1.8");
    }

    @Test
    void theCountersReadLikeIptablesVL() {
        Page page = open("/?preset=docker-nat-table");
        assertThat(page.isDisabled("#counters")).as("no counters before a run").isTrue();
        FlowPage.run(page);
        page.click("#counters");
        page.waitForSelector("#counters-dialog[data-ready=true]");
        String text = page.textContent("#counters-text");
        assertThat(text).contains("# iptables -t nat -vL").contains("Chain DOCKER (2 references)")
                .containsPattern("\\n    2   120 DNAT       tcp  --  !docker0 any     anywhere             anywhere"
                        + "             tcp dpt:(http-alt|8080) to:172.17.0.2:8080\\n")
                .contains("    1    60 RETURN     all  --  docker0 any ");
        assertThat(page.innerText("#counters-dialog h2")).as("flags keep their case").contains("-vL").contains("--Lc");
        Browser.screenshot(page, "counters-docker-nat-table");
    }

    /** The language picker reloads the page in the reader's language and remembers it; the page says which. */
    @Test
    void theLanguagePickerTranslatesThePageAndRemembersTheChoice() {
        Page page = open("/?preset=docker-wan-published");
        assertThat(page.getAttribute("html", "lang")).startsWith("en");
        assertThat(page.textContent("#run")).isEqualTo("Run");

        page.waitForNavigation(() -> page.selectOption("#language", "ko"));
        page.waitForSelector("body[data-ready=true]");
        assertThat(page.getAttribute("html", "lang")).isEqualTo("ko");
        assertThat(page.textContent("#run")).isEqualTo("실행");
        assertThat(page.textContent("#edit")).isNotEqualTo("Edit scenario");
        assertThat(page.url()).contains("preset=docker-wan-published");
        JsonNode korean = FlowPage.json(Fixtures.read(PRESETS.resolve("i18n/ko/docker-wan-published.json")));
        assertThat(page.textContent("#preset option[value=docker-wan-published]"))
                .isEqualTo(korean.path("title").asString());
        assertThat(page.textContent("#scenario-title")).isEqualTo(korean.path("title").asString());
        assertThat(page.textContent("#notes")).contains(korean.path("notes").asString().substring(0, 12));
        FlowPage.run(page);
        assertThat(page.textContent("#position")).doesNotContain("hop");
        page.locator("#events li").nth(2).click();
        assertThat(page.textContent("#why")).as("the hop's sentence, rendered by the server in the page's language")
                .containsPattern("[\\uAC00-\\uD7A3]").doesNotContain("routing decision", "looks at the packet");
        page.keyboard().press("End");
        assertThat(page.textContent(".verdicts")).containsPattern("[\\uAC00-\\uD7A3]").doesNotContain("delivered to");
        Browser.screenshot(page, "language-ko");

        page.navigate(base() + "/");
        page.waitForSelector("body[data-ready=true]");
        assertThat(page.getAttribute("html", "lang")).as("remembered").isEqualTo("ko");
        for (String language : new String[] {"zh-CN", "zh-TW"}) {
            page.waitForNavigation(() -> page.selectOption("#language", language));
            page.waitForSelector("body[data-ready=true]");
            assertThat(page.getAttribute("html", "lang")).isEqualTo(language);
            assertThat(page.textContent("#run")).isNotEqualTo("Run").isNotEqualTo("실행");
            FlowPage.run(page);
            page.locator("#events li").nth(2).click();
            assertThat(page.textContent("#why")).containsPattern("[\\u4E00-\\u9FFF]")
                    .doesNotContain("routing decision", "looks at the packet");
            Browser.screenshot(page, "language-" + language);
        }
        page.waitForNavigation(() -> page.selectOption("#language", "en"));
        assertThat(page.textContent("#run")).isEqualTo("Run");
    }

    /**
     * In each language nothing English is left on the page: no message key shows (a missing one would), and no
     * English sentence of the UI bundle or of the trace's reasons appears in the header, controls, event list,
     * inspector, banners, notes or the dialogs, after a whole run.
     */
    @Test
    void everyLanguageLeavesNoKeyAndNoEnglishSentenceOnThePage() throws Exception {
        Properties ui = Bundles.load("messages.properties");
        Properties reasons = Bundles.load("reasons.properties");
        for (String language : new String[] {"ko", "zh-CN", "zh-TW"}) {
            Properties translatedUi = Bundles.load("messages_" + language.replace('-', '_') + ".properties");
            Page page = open("/?preset=kubernetes-clusterip&lang=" + language);
            FlowPage.run(page);
            page.keyboard().press("End");
            page.locator("#events li").nth(5).click();
            StringBuilder seen = new StringBuilder(page.innerText("body"));
            page.click("#share");
            seen.append('\n').append(page.innerText("#share-dialog"));
            page.click("#share-close");
            page.click("#counters");
            page.waitForSelector("#counters-dialog[open]");
            seen.append('\n').append(page.innerText("#counters-dialog"));
            page.click("#counters-close");
            // a rules line the server refuses: the editor says why in the page's language
            page.click("#edit");
            String rules = page.inputValue("textarea[name=iptables]");
            page.fill("textarea[name=iptables]", rules.replaceFirst("\n-A ", "\n-A FORWARD -p tcp --dport 70000 -j ACCEPT\n-A "));
            page.click("#editor-form button[type=submit]");
            page.waitForSelector("body[data-state=refused]");
            errors.removeIf(error -> error.contains("status of 400")); // the refused POST, as expected
            String refusal = page.textContent(".problem[data-field=iptables]");
            assertThat(refusal).as("%s: the refusal", language).contains("70000").doesNotContain("is not a port number");
            assertThat(page.textContent("#verdicts")).doesNotContain("Invalid scenario", "is not a port number");
            seen.append('\n').append(page.innerText("body"));
            String text = seen.toString();
            assertThat(text).as("%s: no message key on the page", language)
                    .doesNotContainPattern("\\b(kind|node|stage|verdict|field|rule|rules|family|hop|page|js)\\.[A-Za-z]");
            for (String key : ui.stringPropertyNames()) {
                String english = ui.getProperty(key);
                if (english.contains(" ") && !english.contains("{") && !english.equals(translatedUi.getProperty(key))) {
                    assertThat(text).as("%s: English UI string %s", language, key).doesNotContain(english);
                }
            }
            for (String key : reasons.stringPropertyNames()) {
                String english = reasons.getProperty(key);
                for (String fragment : english.split("\\{\\w+}")) {
                    if (fragment.trim().split(" ").length >= 3) {
                        assertThat(text).as("%s: English words of reason %s", language, key).doesNotContain(fragment.trim());
                    }
                }
            }
            Browser.screenshot(page, "no-english-" + language);
        }
    }

    private static String clipboard(Page page) {
        return (String) page.evaluate("() => navigator.clipboard.readText()");
    }

    private static double fontSize(Page page, String selector) {
        return ((Number) page.evaluate("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)",
                selector)).doubleValue();
    }
}
