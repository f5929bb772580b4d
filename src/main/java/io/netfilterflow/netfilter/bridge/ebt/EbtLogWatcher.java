package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.problem.InvalidValue;
import java.util.List;

/** {@code --log}: writes matched frames to the kernel log ({@code ebt_log}). */
public record EbtLogWatcher(int level, String prefix, boolean ip, boolean arp, boolean ip6) implements EbtWatcher {

    private static final List<String> LEVELS =
            List.of("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug");
    private static final int DEFAULT_LEVEL = 5;

    public static final XtExtension<EbtLogWatcher> EXTENSION = new XtExtension<>("log",
            OptionSpec.of("--log", 0, "--log-level", 1, "--log-prefix", 1, "--log-ip", 0, "--log-arp", 0,
                    "--log-ip6", 0),
            args -> {
                OptionUse level = args.find("--log-level");
                OptionUse prefix = args.find("--log-prefix");
                if (prefix != null && prefix.arg().length() > 29) {
                    throw args.refuse("bridge.log-prefix-too-long");
                }
                return new EbtLogWatcher(level == null ? DEFAULT_LEVEL : args.value(level, EbtLogWatcher::level),
                        prefix == null ? "" : prefix.arg(), args.has("--log-ip"), args.has("--log-arp"),
                        args.has("--log-ip6"));
            });

    private static int level(String text) {
        int named = LEVELS.indexOf(text);
        if (named >= 0) {
            return named;
        }
        try {
            int number = Integer.parseInt(text);
            if (number >= 0 && number <= 7) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidValue("bridge.unknown-log-level", text);
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void save(RuleWriter out) {
        out.word("--log-level").word(LEVELS.get(level));
        if (!prefix.isEmpty()) {
            out.word("--log-prefix").word("\"" + prefix + "\"");
        }
        if (ip) {
            out.word("--log-ip");
        }
        if (arp) {
            out.word("--log-arp");
        }
        if (ip6) {
            out.word("--log-ip6");
        }
    }
}
