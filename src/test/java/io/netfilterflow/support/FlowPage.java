package io.netfilterflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the browser tests do on the page: run, read the lit box, use the Share dialog and the Export menu. */
public final class FlowPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FlowPage() {
    }

    /** Runs what the page shows and waits for the last hop. */
    public static void run(Page page) {
        page.click("#run");
        finished(page);
    }

    public static void finished(Page page) {
        page.waitForSelector("body[data-state=done], body[data-state=refused]");
        assertThat(page.getAttribute("body", "data-state")).as(page.textContent("#verdicts")).isEqualTo("done");
    }

    /** The diagram box that lights for a step: its box, or for a frame received or sent, its device's port. */
    public static String box(io.netfilterflow.trace.Step step) {
        return switch (step.node()) {
            case "nic-in" -> "port:" + step.packet().in();
            case "nic-out" -> "port:" + step.packet().out();
            default -> step.node();
        };
    }

    /** The id of the one diagram box lit for the current hop. */
    public static String litBox(Page page) {
        Object ids = page.evaluate("() => [...document.querySelectorAll('#diagram .node.lit')].map(n => n.dataset.id)");
        assertThat((List<?>) ids).hasSize(1);
        return (String) ((List<?>) ids).get(0);
    }

    /** The link the Share dialog makes, at the current hop and in presenter mode if asked. */
    public static String link(Page page, boolean atHop, boolean present) {
        page.click("#share");
        page.waitForSelector("#share-dialog[data-ready=true]");
        if (page.isChecked("#share-dialog input[name=atHop]") != atHop) {
            page.click("#share-dialog input[name=atHop]");
        }
        if (page.isChecked("#share-dialog input[name=present]") != present) {
            page.click("#share-dialog input[name=present]");
        }
        page.waitForSelector("#share-dialog[data-ready=true]");
        String url = page.inputValue("#share-link");
        page.click("#share-close");
        return url;
    }

    /** A file the Export menu downloads, read as JSON. */
    public static JsonNode export(Page page, String button) {
        page.click("#export summary");
        Download download = page.waitForDownload(() -> page.click("#" + button));
        try {
            return JSON.readTree(Files.readString(download.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
