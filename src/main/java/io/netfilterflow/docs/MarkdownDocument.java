package io.netfilterflow.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A document of the repository's {@code docs/} folder, read from the classpath (the build copies the folder
 * there, so GitHub and the app show the same file) and rendered to HTML once. Raw HTML in the Markdown is
 * escaped: the page's CSP and the document's readers get text, never markup someone slipped in.
 */
record MarkdownDocument(String title, String html) {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(),
            HeadingAnchorExtension.create());

    static MarkdownDocument load(String resource) {
        String markdown;
        try (InputStream in = MarkdownDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            markdown = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Node document = Parser.builder().extensions(EXTENSIONS).build().parse(markdown);
        String html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
                .attributeProviderFactory(context -> MarkdownDocument::focusableWhenWide).build().render(document);
        return new MarkdownDocument(firstHeading(document), html);
    }

    /**
     * Code blocks and tables scroll sideways on a phone; a keyboard must reach what scrolls (axe's
     * {@code scrollable-region-focusable}), so they take the focus.
     */
    private static void focusableWhenWide(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof FencedCodeBlock && tagName.equals("pre") || node instanceof TableBlock) {
            attributes.put("tabindex", "0");
        }
    }

    /** The text of the first heading, the page's title. */
    private static String firstHeading(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getFirstChild() instanceof Text text) {
                return text.getLiteral();
            }
        }
        return "";
    }
}
