package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.Browser;
import io.netfilterflow.support.BrowserPages;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 17, acceptance 4: on the docker-wan-published preset, the {@code nft monitor trace} recorded when
 * {@code verify} replayed it (src/test/resources/compare) reads "identical" and outlines the boxes the kernel went
 * through; the same text with one verdict changed marks exactly that line, with the kernel's and the
 * simulation's lines both shown, and the box where they part. At a desktop's size and a phone's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompareBrowserTest extends BrowserPages {

    private static final Trace RUN = Simulator.run(ScenarioReader.read(CompareApiTest.PRESET));
    private static final List<Step> STEPS = ConformanceFormat.steps(RUN);

    @Test
    void anIdenticalTraceReadsIdenticalAndOneChangedLineIsMarkedWithBothLines() {
        for (int[] size : new int[][] {{1920, 1080}, {390, 844}}) {
            String name = size[0] + "x" + size[1];
            Page page = open("/?preset=docker-wan-published", size[0], size[1]);

            paste(page, CompareApiTest.MONITOR);
            page.waitForSelector("#compare-dialog[data-ready=identical]");
            assertThat(page.textContent("#compare-status"))
                    .isEqualTo("Identical: the kernel's " + STEPS.size() + " lines (nft monitor trace) and the"
                            + " simulation agree.");
            assertThat(page.locator(".compare-row").count()).isEqualTo(STEPS.size());
            assertThat(page.locator(".compare-row:not(.mark-same)").count()).isZero();
            assertThat(page.locator(".compare-first").count()).isZero();
            Browser.screenshot(page, "compare-identical-" + name);
            page.click("#compare-close");
            page.waitForSelector("svg.flow[data-kernel=identical]");
            assertThat(kernelBoxes(page)).isEqualTo(new TreeSet<>(STEPS.stream().map(Step::node).toList()));
            assertThat(page.locator("g.node.diverged").count()).isZero();
            assertThat(page.isVisible("#kernel-legend")).isTrue();
            // the simulation ran to its end, its whole path beside the kernel's
            int all = RUN.steps().size();
            page.waitForCondition(() -> page.textContent("#position").equals("hop " + all + " of " + all));
            Browser.screenshot(page, "compare-identical-diagram-" + name);

            Map.Entry<String, Integer> changed = CompareApiTest.changedVerdict();
            paste(page, changed.getKey());
            page.waitForSelector("#compare-dialog[data-ready=different]");
            Step accepted = STEPS.stream().filter(step -> step.stage().chainName().equals("ip filter DOCKER")
                    && "accept".equals(step.verdict())).findFirst().orElseThrow();
            String simulated = ConformanceFormat.line(accepted);
            String kernel = page.locator(".compare-row.diverged code.kernel").textContent();
            assertThat(page.locator(".compare-row:not(.mark-same)").count()).isEqualTo(1);
            assertThat(page.locator(".compare-row.diverged").count()).isEqualTo(1);
            assertThat(page.locator(".compare-row.diverged code.simulated").textContent()).isEqualTo(simulated);
            assertThat(kernel).startsWith("ip filter DOCKER drop | " + accepted.packet().conformance() + " | ");
            assertThat(page.textContent("#compare-status")).startsWith("Different: the two part at row "
                    + (STEPS.indexOf(accepted) + 1) + ";");
            assertThat(page.locator(".compare-first .compare-line.kernel").textContent())
                    .isEqualTo("Kernel, line " + changed.getValue() + " of the trace" + kernel);
            assertThat(page.locator(".compare-first .compare-line.simulated").textContent())
                    .isEqualTo("Simulation" + simulated);
            assertThat(page.locator(".compare-first").isVisible()).isTrue();
            Browser.screenshot(page, "compare-different-" + name);
            page.keyboard().press("Escape");
            page.waitForSelector("svg.flow[data-kernel=diverged]");
            assertThat(page.locator("g.node.diverged").count()).isEqualTo(1);
            assertThat(page.locator("g.node.diverged").getAttribute("data-id")).isEqualTo(accepted.node());
            // the simulation stops at the hop where the two part, its box lit (and in view on a phone)
            page.waitForCondition(() -> page.textContent("#position").startsWith("hop " + accepted.seq() + " of "));
            assertThat(page.getAttribute("svg.flow", "data-current")).isEqualTo(accepted.node());
            Browser.screenshot(page, "compare-different-diagram-" + name);
        }
    }

    /** Opens the dialog from its button with the keyboard, pastes the trace and compares. */
    private static void paste(Page page, String trace) {
        page.focus("#compare");
        page.keyboard().press("Enter");
        page.waitForSelector("#compare-dialog[open]");
        page.fill("#compare-dialog textarea[name=trace]", trace);
        page.click("#compare-run");
    }

    private static TreeSet<String> kernelBoxes(Page page) {
        return new TreeSet<>(page.locator("g.node.kernel").all().stream()
                .map(box -> box.getAttribute("data-id")).toList());
    }
}
