package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import java.util.List;

/** {@code -j LOG}: writes the packet to the kernel log and lets it go on ({@code xt_LOG}). */
public record LogTarget(int level, String prefix, boolean tcpSequence, boolean tcpOptions, boolean ipOptions,
                        boolean uid, boolean macDecode) implements XtTarget {

    /** syslog's {@code LOG_WARNING}, LOG's default. */
    public static final int DEFAULT_LEVEL = 4;
    /** Prefixes are kept in a 30-byte field with its NUL. */
    private static final int MAX_PREFIX = 29;
    private static final List<String> LEVELS =
            List.of("emerg", "alert", "crit", "error", "warning", "notice", "info", "debug");

    public static final XtExtension<LogTarget> EXTENSION = new XtExtension<>("LOG",
            OptionSpec.of("--log-level", 1, "--log-prefix", 1, "--log-tcp-sequence", 0, "--log-tcp-options", 0,
                    "--log-ip-options", 0, "--log-uid", 0, "--log-macdecode", 0),
            LogTarget::create);

    private static LogTarget create(ExtensionArgs args) {
        OptionUse level = args.find("--log-level");
        OptionUse prefix = args.find("--log-prefix");
        String prefixText = prefix == null ? "" : prefix.arg();
        if (prefixText.length() > MAX_PREFIX) {
            throw args.refuse("rules.longer-than", "--log-prefix", 29);
        }
        return new LogTarget(level == null ? DEFAULT_LEVEL : args.value(level, LogTarget::parseLevel), prefixText,
                args.has("--log-tcp-sequence"), args.has("--log-tcp-options"), args.has("--log-ip-options"),
                args.has("--log-uid"), args.has("--log-macdecode"));
    }

    static int parseLevel(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int named = LEVELS.indexOf(lower.equals("warn") ? "warning" : lower.equals("err") ? "error" : lower);
        if (named >= 0) {
            return named;
        }
        return ExtensionArgs.parseBounded(text, 0, 7);
    }

    @Override
    public String name() {
        return "LOG";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        if (!prefix.isEmpty()) {
            out.word("--log-prefix").string(prefix);
        }
        if (level != DEFAULT_LEVEL) {
            out.word("--log-level").word(Integer.toString(level));
        }
        if (tcpSequence) {
            out.word("--log-tcp-sequence");
        }
        if (tcpOptions) {
            out.word("--log-tcp-options");
        }
        if (ipOptions) {
            out.word("--log-ip-options");
        }
        if (uid) {
            out.word("--log-uid");
        }
        if (macDecode) {
            out.word("--log-macdecode");
        }
    }

    /** syslog's names as libxt_LOG (iptables 1.8.9) prints a level, by number. */
    private static final String[] LEVEL_NAMES = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

    /** {@code LOG level warn tcp-sequence prefix "..."}, or with {@code -n} the kernel's bits: {@code flags 0 level 4}. */
    @Override
    public void list(ListWriter out) {
        if (out.numeric()) {
            int flags = (tcpSequence ? 0x01 : 0) | (tcpOptions ? 0x02 : 0) | (ipOptions ? 0x04 : 0)
                    | (uid ? 0x08 : 0) | (macDecode ? 0x20 : 0);
            out.text("LOG flags " + flags + " level " + level);
        } else {
            out.text("LOG level " + LEVEL_NAMES[level]);
            flag(out, tcpSequence, "tcp-sequence");
            flag(out, tcpOptions, "tcp-options");
            flag(out, ipOptions, "ip-options");
            flag(out, uid, "uid");
            flag(out, macDecode, "macdecode");
        }
        if (prefix != null && !prefix.isEmpty()) {
            out.text("prefix \"" + prefix + "\"");
        }
    }

    private static void flag(ListWriter out, boolean set, String name) {
        if (set) {
            out.text(name);
        }
    }

    /** {@code log_tg}: the kernel log gets a line; the packet goes on. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return TargetVerdict.goOn(prefix == null ? Reason.of(ReasonCode.LOG) : Reason.of(ReasonCode.LOG_PREFIX, prefix));
    }
}
