package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.netfilter.bridge.EbtMatch;
import io.netfilterflow.netfilter.bridge.EbtTarget;
import io.netfilterflow.netfilter.bridge.EbtWatcher;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.xtables.XtExtension;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ebtables extensions modelled here. ebtables has no {@code -m}: an option's name says which
 * match or watcher it belongs to, so the registry maps every option name to its extension.
 */
public final class EbtRegistry {

    private static final List<XtExtension<? extends EbtMatch>> MATCHES = List.of(EbtIpMatch.EXTENSION,
            EbtArpMatch.EXTENSION, EbtIp6Match.EXTENSION, EbtMarkMatch.EXTENSION, EbtPkttypeMatch.EXTENSION,
            EbtVlanMatch.EXTENSION, Ebt8023Match.EXTENSION, EbtLimitMatch.EXTENSION, EbtStpMatch.EXTENSION);
    private static final List<XtExtension<? extends EbtWatcher>> WATCHERS =
            List.of(EbtLogWatcher.EXTENSION, EbtNflogWatcher.EXTENSION);
    private static final Map<String, XtExtension<? extends EbtTarget>> TARGETS = Map.of(
            "mark", EbtMarkTarget.EXTENSION, "dnat", EbtDnatTarget.EXTENSION,
            "snat", EbtSnatTarget.EXTENSION, "redirect", EbtRedirectTarget.EXTENSION);

    /** Option prefixes of real ebtables extensions not modelled, to refuse them by name. */
    private static final Map<String, String> UNSUPPORTED = Map.of("--among-", "among", "--arpreply-", "arpreply",
            "--ulog", "ulog", "--stp-", "stp", "--string", "string");

    private static final Map<String, XtExtension<? extends EbtMatch>> MATCH_BY_OPTION = byOption(MATCHES);
    private static final Map<String, XtExtension<? extends EbtWatcher>> WATCHER_BY_OPTION = byOption(WATCHERS);

    private EbtRegistry() {
    }

    private static <T> Map<String, XtExtension<? extends T>> byOption(List<XtExtension<? extends T>> extensions) {
        Map<String, XtExtension<? extends T>> map = new HashMap<>();
        for (XtExtension<? extends T> extension : extensions) {
            for (OptionSpec.Option option : extension.options().options()) {
                option.names().forEach(name -> map.put(name, extension));
            }
        }
        return Map.copyOf(map);
    }

    public static XtExtension<? extends EbtMatch> matchFor(String option) {
        return MATCH_BY_OPTION.get(option);
    }

    public static XtExtension<? extends EbtWatcher> watcherFor(String option) {
        return WATCHER_BY_OPTION.get(option);
    }

    public static XtExtension<? extends EbtTarget> target(String name) {
        return TARGETS.get(name);
    }

    /** The unsupported extension an option belongs to, or null. */
    public static String unsupportedExtensionOf(String option) {
        for (Map.Entry<String, String> entry : UNSUPPORTED.entrySet()) {
            if (option.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
