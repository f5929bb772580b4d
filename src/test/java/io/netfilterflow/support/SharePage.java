package io.netfilterflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The page's Share dialog and Export menu, as the share and presenter browser tests use them. */
public final class SharePage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SharePage() {
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
