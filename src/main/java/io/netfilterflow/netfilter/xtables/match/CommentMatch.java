package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;

/** {@code -m comment --comment TEXT}: always matches; kept as the user wrote it ({@code xt_comment}). */
public record CommentMatch(String comment) implements XtMatch {

    /** {@code XT_MAX_COMMENT_LEN} less the terminating NUL. */
    private static final int MAX_LENGTH = 255;

    public static final XtExtension<CommentMatch> EXTENSION = new XtExtension<>("comment",
            OptionSpec.of("--comment", 1),
            args -> {
                var use = args.require("--comment");
                args.notInvertible("--comment");
                if (use.arg().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
                    throw args.refuse("rules.comment-too-long");
                }
                return new CommentMatch(use.arg());
            });

    @Override
    public String name() {
        return "comment";
    }

    @Override
    public void save(RuleWriter out) {
        out.word("--comment").string(comment);
    }

    @Override
    public boolean match(XtActionParam par) {
        return true;
    }

    @Override
    public void list(ListWriter out) {
        out.text("/* " + comment + " */");
    }
}
