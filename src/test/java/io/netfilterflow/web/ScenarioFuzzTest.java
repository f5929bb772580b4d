package io.netfilterflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.bridge.save.EbtablesSavePrinter;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.list.ChainListing;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.scenario.ScenarioException;
import io.netfilterflow.scenario.ScenarioReader;
import io.netfilterflow.simulation.SimulationException;
import io.netfilterflow.simulation.Simulator;
import io.netfilterflow.support.FuzzCorpus;
import io.netfilterflow.support.Mutator;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeded fuzzing of what the API runs in-process: mutated scenarios through {@link ScenarioReader},
 * {@link Simulator} and every output form, and mutated iptables-save/ebtables-save text through the
 * parsers and printers. Only the documented refusals may escape, each naming its field or line;
 * never another exception, a {@link StackOverflowError}, an {@link OutOfMemoryError} or a hang.
 *
 * <p>In CI a fixed seed and a time budget; a long run: {@code mvn test -Dtest=ScenarioFuzzTest
 * -Dfuzz.inputs=1000000 -Dfuzz.seconds=0 -Dfuzz.seed=7}. Failing inputs are written to
 * {@code target/fuzz-failures}.
 */
class ScenarioFuzzTest {

    private static final long INPUTS = Long.getLong("fuzz.inputs", 200_000);
    private static final long SECONDS = Long.getLong("fuzz.seconds", 20);
    private static final long SEED = Long.getLong("fuzz.seed", 13);
    /** Longer than any input takes; one that does not finish is a hang. */
    private static final long INPUT_TIMEOUT_MS = Long.getLong("fuzz.timeout-ms", 10_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Integer> outcomes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    @Test
    void onlyDocumentedRefusalsEscapeAndEveryInputFinishes() throws Exception {
        FuzzCorpus corpus = FuzzCorpus.load();
        Mutator mutator = new Mutator(SEED, corpus.tokens());
        long deadline = SECONDS == 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        long inputs = 0;
        long slowest = 0;
        try {
            for (; inputs < INPUTS && System.nanoTime() < deadline; inputs++) {
                Input input = next(corpus, mutator);
                long start = System.nanoTime();
                Future<String> run = worker.submit(() -> run(input));
                try {
                    count(run.get(INPUT_TIMEOUT_MS, TimeUnit.MILLISECONDS));
                } catch (TimeoutException e) {
                    run.cancel(true);
                    fail(inputs, input, "hang: no answer in " + INPUT_TIMEOUT_MS + " ms");
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(daemon());
                } catch (ExecutionException e) {
                    fail(inputs, input, e.getCause().toString() + " at " + top(e.getCause()));
                }
                slowest = Math.max(slowest, System.nanoTime() - start);
                if (inputs % 100_000 == 0 && inputs > 0) {
                    System.out.printf("fuzz: %d inputs, %s, %d failures, slowest %d ms%n", inputs, outcomes,
                            failures.size(), slowest / 1_000_000);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("fuzz: seed %d, %d inputs, outcomes %s, %d failures, slowest %d ms%n", SEED, inputs,
                outcomes, failures.size(), slowest / 1_000_000);
        assertThat(failures).as("inputs that escaped with an undocumented error or hung").isEmpty();
        assertThat(inputs).as("inputs run").isGreaterThan(Math.min(INPUTS, 1000) - 1);
    }

    /** A mutated input of one of four kinds. */
    record Input(String kind, String text) {
    }

    private static Input next(FuzzCorpus corpus, Mutator mutator) {
        var random = mutator.random();
        return switch (random.nextInt(10)) {
            case 0, 1 -> new Input("iptables", mutator.text(pick(corpus.iptables(), mutator)));
            case 2 -> new Input("ebtables", mutator.text(pick(corpus.ebtables(), mutator)));
            case 3 -> new Input("scenario", withRules(pick(corpus.scenarios(), mutator),
                    mutator.text(pick(corpus.iptables(), mutator))));
            default -> new Input("scenario", mutator.scenario(pick(corpus.scenarios(), mutator)));
        };
    }

    /** Large dumps only one time in fifty, so that a run's time goes to many inputs. */
    private static String pick(List<String> texts, Mutator mutator) {
        while (true) {
            String text = texts.get(mutator.random().nextInt(texts.size()));
            if (text.length() < FuzzCorpus.LARGE || mutator.random().nextInt(50) == 0) {
                return text;
            }
        }
    }

    private static String withRules(String scenario, String rules) {
        var root = (tools.jackson.databind.node.ObjectNode) JSON.readTree(scenario);
        ((tools.jackson.databind.node.ObjectNode) root.get("host")).put("iptables", rules);
        return JSON.writeValueAsString(root);
    }

    /** The outcome's name when the input was run or refused as documented; throws otherwise. */
    static String run(Input input) {
        try {
            switch (input.kind()) {
                case "iptables" -> readsBack(IptablesSavePrinter.print(IptablesSaveParser.parse(input.text())),
                        IptablesSaveParser::parse);
                case "ebtables" -> readsBack(EbtablesSavePrinter.print(EbtablesSaveParser.parse(input.text())),
                        EbtablesSaveParser::parse);
                default -> simulate(input.text());
            }
            return input.kind() + " ok";
        } catch (ScenarioException e) {
            check(e.field() != null || e.jsonLine() > 0, "names no field or line", e);
            return "scenario refused";
        } catch (SimulationException e) {
            check(e.input() != null && e.line() > 0, "names no input line", e);
            return "simulation refused";
        } catch (RulesSyntaxException e) {
            check(e.line() > 0, "names no line", e);
            return input.kind() + " refused";
        }
    }

    /** What {@code print} writes of a ruleset that was read is read again (the canonical form is valid input). */
    private static void readsBack(String printed, java.util.function.Function<String, ?> parser) {
        try {
            parser.apply(printed);
        } catch (RulesSyntaxException e) {
            throw new AssertionError("the printed form does not read back: " + e.getMessage() + "\n" + printed, e);
        }
    }

    private static void simulate(String json) {
        Scenario scenario = ScenarioReader.read(json);
        Trace trace = Simulator.run(scenario);
        for (TraceText format : TraceText.values()) {
            format.print(scenario, trace, TraceMessages.ENGLISH);
        }
        JSON.writeValueAsString(TraceJson.of(trace, TraceMessages.ENGLISH,
                ChainListing.of(scenario.host().iptables(), scenario.host().ebtables())));
    }

    private static void check(boolean named, String what, RuntimeException e) {
        if (!named || e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a refusal that " + what + ": " + e, e);
        }
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private void fail(long index, Input input, String what) {
        count("FAILED");
        if (failures.size() < 50) {
            failures.add("#" + index + " " + input.kind() + ": " + what);
            try {
                Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
                Files.writeString(dir.resolve(SEED + "-" + index + "." + input.kind()), input.text());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String top(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.netfilterflow")) {
                return frame.toString();
            }
        }
        return e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0].toString();
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return task -> {
            Thread thread = new Thread(task, "fuzz");
            thread.setDaemon(true);
            return thread;
        };
    }
}
