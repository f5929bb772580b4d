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
                // a char is at most 3 bytes of UTF-8 (a pair of surrogates, 4 for 2): a short comment is not counted
                if (use.arg().length() * 3 > MAX_LENGTH && utf8Length(use.arg()) > MAX_LENGTH) {
                    throw args.refuse("rules.comment-too-long");
                }
                return new CommentMatch(use.arg());
            });

    /** The length in UTF-8 without encoding it: every rule of a kube-proxy dump has a comment. */
    private static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3; // a lone surrogate is encoded as '?'
            }
        }
        return length;
    }

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
