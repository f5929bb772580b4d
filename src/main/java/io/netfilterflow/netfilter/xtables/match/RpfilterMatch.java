package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m rpfilter}: a reverse-path check against the routing table ({@code ipt_rpfilter}). */
public record RpfilterMatch(boolean loose, boolean validMark, boolean acceptLocal, boolean invert)
        implements XtMatch {

    public static final XtExtension<RpfilterMatch> EXTENSION = new XtExtension<>("rpfilter",
            OptionSpec.of("--loose", 0, "--validmark", 0, "--accept-local", 0, "--invert", 0),
            args -> {
                args.notInvertible("--loose", "--validmark", "--accept-local", "--invert");
                return new RpfilterMatch(args.has("--loose"), args.has("--validmark"),
                        args.has("--accept-local"), args.has("--invert"));
            });

    @Override
    public String name() {
        return "rpfilter";
    }

    @Override
    public void save(RuleWriter out) {
        if (loose) {
            out.word("--loose");
        }
        if (validMark) {
            out.word("--validmark");
        }
        if (acceptLocal) {
            out.word("--accept-local");
        }
        if (invert) {
            out.word("--invert");
        }
    }

    @Override
    public boolean match(XtActionParam par) {
        return par.reversePathValid(loose, acceptLocal) != invert;
    }

    @Override
    public void list(ListWriter out) {
        out.text("rpfilter" + (loose ? " loose" : "") + (validMark ? " validmark" : "")
                + (acceptLocal ? " accept-local" : "") + (invert ? " invert" : ""));
    }
}
