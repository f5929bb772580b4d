package io.netfilterflow.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.diagram.DiagramNode;
import io.netfilterflow.diagram.Diagrams;
import io.netfilterflow.diagram.NodeIds;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.support.Fixtures;
import io.netfilterflow.trace.FlowResult;
import io.netfilterflow.trace.Step;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceMessages;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The trace is data: every step of every preset and recorded fixture names its diagram box, a reason code and
 * no sentence; every sentence comes from the bundles, complete in every language.
 */
class TypedTraceTest {

    private static final List<Locale> TRANSLATED = List.of(Locale.KOREAN, Locale.SIMPLIFIED_CHINESE,
            Locale.TRADITIONAL_CHINESE);

    @Test
    void noStepOrOutcomeHoldsASentence() {
        assertThat(Step.class.getRecordComponents()).filteredOn(c -> c.getType() == String.class)
                .extracting(RecordComponent::getName).containsExactlyInAnyOrder("node", "verdict");
        assertThat(FlowResult.class.getRecordComponents()).filteredOn(c -> c.getType() == String.class)
                .extracting(RecordComponent::getName).containsExactlyInAnyOrder("from", "where");
    }

    @Test
    void everyStepHasItsBoxAndAReasonRenderedInEveryLanguage() {
        int steps = 0;
        for (Path file : Fixtures.scenarios()) {
            Scenario scenario = ScenarioReader.read(Fixtures.read(file));
            Set<String> boxes = Diagrams.drawnFor(scenario.host()).nodes().stream().map(DiagramNode::id)
                    .collect(Collectors.toSet());
            Trace trace = Simulator.run(scenario);
            for (Step step : trace.steps()) {
                String where = file + " step " + step.seq();
                assertThat(step.node()).as(where).isEqualTo(NodeIds.of(step.kind(), step.stage())).isIn(boxes);
                assertThat(step.reason()).as(where).isNotNull();
                String english = TraceMessages.ENGLISH.render(step.reason(), step.notes());
                for (Locale locale : TRANSLATED) {
                    String words = TraceMessages.of(locale).render(step.reason(), step.notes());
                    assertThat(words).as("%s in %s", where, locale).doesNotContainPattern("\\{\\w+}")
                            .isNotEqualTo(english);
                }
                steps++;
            }
            for (FlowResult flow : trace.flows()) {
                assertThat(flow.disposition()).as(file + " packet " + flow.flow()).isNotNull();
                assertThat(flow.reason()).as(file + " packet " + flow.flow()).isNotNull();
                for (Locale locale : TRANSLATED) {
                    assertThat(TraceMessages.of(locale).render(flow.reason()))
                            .isNotEqualTo(TraceMessages.ENGLISH.render(flow.reason()));
                    assertThat(TraceMessages.of(locale).render(flow.label()))
                            .isNotEqualTo(TraceMessages.ENGLISH.render(flow.label()));
                }
            }
        }
        assertThat(steps).isGreaterThan(1000);
    }
}
