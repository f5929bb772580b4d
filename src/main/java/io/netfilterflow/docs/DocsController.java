package io.netfilterflow.docs;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The project's documentation as pages of the app: {@code GET /docs/scenario-format} is
 * {@code docs/scenario-format.md}, the scenario format's contract, so the editor can link to it and a reader
 * without the repository can read it; {@code GET /docs/snapshot-format} is {@code docs/snapshot-format.md}, what the
 * capture script records.
 */
@Controller
class DocsController {

    private final MarkdownDocument scenarioFormat = MarkdownDocument.load("docs/scenario-format.md");
    private final MarkdownDocument snapshotFormat = MarkdownDocument.load("docs/snapshot-format.md");

    @GetMapping("/docs/scenario-format")
    String scenarioFormat(Model model) {
        model.addAttribute("document", scenarioFormat);
        return "document";
    }

    /** {@code docs/snapshot-format.md}: what the capture script ({@code /capture.sh}) records. */
    @GetMapping("/docs/snapshot-format")
    String snapshotFormat(Model model) {
        model.addAttribute("document", snapshotFormat);
        return "document";
    }
}
