package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;

/** {@code --nflog}: copies matched frames to a userspace logger ({@code ebt_nflog}). */
public record EbtNflogWatcher(int group, String prefix, long range, int threshold) implements EbtWatcher {

    private static final int DEFAULT_GROUP = 1;
    private static final int DEFAULT_THRESHOLD = 1;

    public static final XtExtension<EbtNflogWatcher> EXTENSION = new XtExtension<>("nflog",
            OptionSpec.of("--nflog", 0, "--nflog-group", 1, "--nflog-prefix", 1, "--nflog-range", 1,
                    "--nflog-threshold", 1),
            args -> {
                OptionUse prefix = args.find("--nflog-prefix");
                OptionUse range = args.find("--nflog-range");
                return new EbtNflogWatcher(number(args, "--nflog-group", DEFAULT_GROUP),
                        prefix == null ? "" : prefix.arg(),
                        range == null ? 0 : args.value(range, ExtensionArgs::parseUnsigned32),
                        number(args, "--nflog-threshold", DEFAULT_THRESHOLD));
            });

    private static int number(ExtensionArgs args, String name, int fallback) {
        OptionUse use = args.find(name);
        return use == null ? fallback : args.value(use, text -> ExtensionArgs.parseBounded(text, 0, 65535));
    }

    @Override
    public String name() {
        return "nflog";
    }

    @Override
    public void save(RuleWriter out) {
        if (!prefix.isEmpty()) {
            out.word("--nflog-prefix").word("\"" + prefix + "\"");
        }
        if (group != 0) {
            out.word("--nflog-group").word(Integer.toString(group));
        }
        if (range != 0) {
            out.word("--nflog-range").word(Long.toString(range));
        }
        if (threshold != DEFAULT_THRESHOLD) {
            out.word("--nflog-threshold").word(Integer.toString(threshold));
        }
    }
}
