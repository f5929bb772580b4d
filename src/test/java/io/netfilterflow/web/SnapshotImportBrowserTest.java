package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.support.FlowPage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A host snapshot loaded like a scenario file becomes the host on the diagram, its machines suggested, its first
 * packet run, and the import's report in the notes; a snapshot that is not one is refused with the reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapshotImportBrowserTest extends BrowserPages {

    private static final Path SNAPSHOT = Path.of("src/test/resources/snapshots/bridge-host-2026.json");

    @Test
    void aSnapshotLoadedAsAFileBecomesTheScenarioWithItsReport() {
        Page page = open("/?preset=docker-wan-published");
        page.click("#edit");
        page.setInputFiles("#scenario-file", SNAPSHOT);
        FlowPage.finished(page);
        assertThat(page.textContent("#scenario-title")).isEqualTo("Imported: vm");
        assertThat(page.textContent("#notes")).contains("suggested machine gateway (10.99.0.100/24) on eth0");
        assertThat(page.locator("#diagram g.endpoint[data-endpoint='behind-vA']").count()).isEqualTo(1);
        assertThat(page.locator("#diagram g.node[data-id='inet:host-input:INPUT']").count())
                .as("the host's native table is drawn").isEqualTo(1);
        assertThat(page.inputValue("textarea[name=ipRules]")).contains("100:\tfrom all fwmark 0x1 lookup 100");
        Browser.screenshot(page, "snapshot-import-1920");
    }
}
