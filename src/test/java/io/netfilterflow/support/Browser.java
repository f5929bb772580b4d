package io.netfilterflow.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven by Playwright, which is told never to download a browser of its own.
 * Tests that need it are skipped, saying why, where {@code /usr/bin/chromium} is missing.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(FLAGS));
    }

    public static Browser start() {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        return new Browser();
    }

    /** A fresh page of the given size, its console errors collected in {@code errors}. */
    public Page page(int width, int height, List<String> errors) {
        Page page = browser.newContext(new NewContextOptions().setViewportSize(width, height)).newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        return page;
    }

    public Page page(NewContextOptions options, List<String> errors) {
        Page page = browser.newContext(options).newPage();
        page.onPageError(errors::add);
        return page;
    }

    /** Saves a screenshot under target/screenshots and returns its path. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of("target/screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
