package io.netfilterflow.cli;

import io.netfilterflow.netfilter.list.ChainListing;
import io.netfilterflow.scenario.Scenario;
import io.netfilterflow.trace.ConformanceFormat;
import io.netfilterflow.trace.TextFormat;
import io.netfilterflow.trace.Trace;
import io.netfilterflow.trace.TraceJson;
import io.netfilterflow.trace.TraceMessages;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code trace SCENARIO.json [--format text|json|conformance] [--lang en|ko|zh-Hans|zh-Hant]}: simulates a
 * scenario and prints its trace, its sentences in the language asked for (else the machine's locale); the
 * conformance format is the kernel's own and reads the same in every language.
 */
final class TraceCommand implements Cli.Command {

    /** The languages the trace's words come in, as BCP 47 tags. */
    static final List<String> LANGUAGES = List.of("en", "ko", "zh-Hans", "zh-Hant");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String file = null;
        String format = "text";
        String lang = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--format") && i + 1 < args.size()) {
                format = args.get(++i);
            } else if (arg.startsWith("--format=")) {
                format = arg.substring("--format=".length());
            } else if (arg.equals("--lang") && i + 1 < args.size()) {
                lang = args.get(++i);
            } else if (arg.startsWith("--lang=")) {
                lang = arg.substring("--lang=".length());
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                err.println("trace: unexpected argument '" + arg + "'");
                return Cli.usage(err, Cli.USAGE);
            }
        }
        if (file == null || !List.of("text", "json", "conformance").contains(format)) {
            err.println(file == null ? "trace: which scenario file?" : "trace: --format is text, json or conformance");
            return Cli.usage(err, Cli.USAGE);
        }
        if (lang != null && !LANGUAGES.contains(lang)) {
            err.println("trace: --lang is one of " + String.join(", ", LANGUAGES) + ", not '" + lang + "'");
            return Cli.usage(err, Cli.USAGE);
        }
        TraceMessages words = TraceMessages.of(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
        ScenarioFiles.Run run = ScenarioFiles.run(file, err);
        if (run == null) {
            return Cli.INVALID_INPUT;
        }
        Scenario scenario = run.scenario();
        Trace trace = run.trace();
        switch (format) {
            case "json" -> out.println(JSON.writeValueAsString(TraceJson.of(trace, words,
                    ChainListing.of(scenario.host()))));
            case "conformance" -> out.print(ConformanceFormat.format(trace));
            default -> out.print(TextFormat.format(trace, words));
        }
        return Cli.OK;
    }
}
