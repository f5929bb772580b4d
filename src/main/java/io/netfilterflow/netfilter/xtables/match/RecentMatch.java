package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.net.Ipv4Address;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.RuleState;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.trace.ReasonCode;
import java.util.List;

/**
 * {@code -m recent}: a named list of recently seen addresses ({@code xt_recent}, revision 1,
 * whose mask iptables-save always prints). Every option is modelled as {@code recent_mt} reads it
 * ({@link RecentTable} keeps the list); the simulator has no wall clock, so a scenario's packets
 * all fall within {@code --seconds} and {@code --reap} never finds an entry old enough to drop.
 */
public record RecentMatch(Command command, boolean inverted, int seconds, boolean reap, int hitCount,
                          boolean rttl, String listName, Ipv4Address mask, Side side) implements XtMatch {

    /** What the rule does with the list ({@code XT_RECENT_SET/CHECK/UPDATE/REMOVE}). */
    public enum Command { SET, RCHECK, UPDATE, REMOVE }

    /** Which address of the packet is looked up ({@code XT_RECENT_SOURCE/DEST}). */
    public enum Side { RSOURCE, RDEST }

    private static final Ipv4Address ALL_ONES = new Ipv4Address(-1);

    public static final XtExtension<RecentMatch> EXTENSION = new XtExtension<>("recent",
            OptionSpec.of("--set", 0, "--rcheck", 0, "--update", 0, "--remove", 0, "--seconds", 1, "--reap", 0,
                    "--hitcount", 1, "--rttl", 0, "--name", 1, "--rsource", 0, "--rdest", 0, "--mask", 1),
            RecentMatch::create);

    private static RecentMatch create(ExtensionArgs args) {
        Command command = null;
        boolean inverted = false;
        for (OptionUse use : args.uses()) {
            if (List.of("--set", "--rcheck", "--update", "--remove").contains(use.name())) {
                if (command != null) {
                    throw args.refuse("rules.only-one-of-allowed", "--set, --rcheck, --update, --remove");
                }
                command = Command.valueOf(use.name().substring(2).toUpperCase(java.util.Locale.ROOT));
                inverted = use.inverted();
            }
        }
        if (command == null) {
            throw args.refuse("rules.needs-one-of", "--set, --rcheck, --update, --remove");
        }
        args.notInvertible("--seconds", "--reap", "--hitcount", "--rttl", "--name", "--rsource", "--rdest", "--mask");
        if (args.has("--rsource") && args.has("--rdest")) {
            throw args.refuse("rules.cannot-combine", "--rsource", "--rdest");
        }
        int seconds = number(args, "--seconds");
        int hitCount = number(args, "--hitcount");
        if (hitCount >= RecentTable.MAX_STAMPS) {
            throw args.refuse("rules.recent-hitcount-too-large", hitCount, RecentTable.MAX_STAMPS - 1);
        }
        if (args.has("--reap") && seconds == 0) {
            throw args.refuse("rules.recent-reap-needs-seconds");
        }
        if ((seconds != 0 || hitCount != 0 || args.has("--reap") || args.has("--rttl"))
                && command != Command.RCHECK && command != Command.UPDATE) {
            throw args.refuse("rules.recent-check-options");
        }
        OptionUse name = args.find("--name");
        if (name != null && !validName(name.arg())) {
            throw args.refuse("rules.recent-bad-name", name.arg());
        }
        OptionUse mask = args.find("--mask");
        return new RecentMatch(command, inverted, seconds, args.has("--reap"), hitCount, args.has("--rttl"),
                name == null ? "DEFAULT" : name.arg(), mask == null ? ALL_ONES : args.value(mask, Ipv4Address::parse),
                args.has("--rdest") ? Side.RDEST : Side.RSOURCE);
    }

    /** {@code xt_check_proc_name}: the list's name is a file name under /proc/net/xt_recent. */
    private static boolean validName(String name) {
        return !name.isEmpty() && name.length() < 200 && name.indexOf('/') < 0 && !name.equals(".")
                && !name.equals("..");
    }

    private static int number(ExtensionArgs args, String name) {
        OptionUse use = args.find(name);
        return use == null ? 0 : args.value(use, text -> ExtensionArgs.parseBounded(text, 0, Integer.MAX_VALUE));
    }

    @Override
    public String name() {
        return "recent";
    }

    @Override
    public void save(RuleWriter out) {
        out.option(inverted, "--" + command.name().toLowerCase(java.util.Locale.ROOT));
        if (seconds != 0) {
            out.word("--seconds").word(Integer.toString(seconds));
        }
        if (reap) {
            out.word("--reap");
        }
        if (hitCount != 0) {
            out.word("--hitcount").word(Integer.toString(hitCount));
        }
        if (rttl) {
            out.word("--rttl");
        }
        out.word("--name").word(listName);
        out.word("--mask").word(mask.toString());
        out.word(side == Side.RSOURCE ? "--rsource" : "--rdest");
    }

    /**
     * {@code recent_mt}: look the packet's (masked) address up, then set, remove, or count its stamps;
     * {@code --update} adds a stamp only when it matched, {@code --set} always does. A packet the host
     * forwards is looked up with the TTL it had before forwarding, as the kernel does.
     */
    @Override
    public boolean match(XtActionParam par) {
        RecentTable table = par.state(RuleState.named(listName, RecentTable.class, () -> new RecentTable(mask)));
        Ipv4Address key = table.masked(side == Side.RDEST ? par.packet().dst() : par.packet().src());
        // "use TTL as seen before forwarding": an output device and no socket, i.e. a forwarded packet (the
        // host's own answers carry its control socket); u8 arithmetic as the kernel's
        int ttl = (par.packet().ttl() + (par.in() != null && par.out() != null ? 1 : 0)) & 0xff;
        RecentTable.Entry entry = table.lookup(key, rttl ? ttl : 0);
        boolean found = entry != null;
        boolean matched;
        if (entry == null) {
            matched = command == Command.SET;
            if (matched) {
                table.init(key, ttl);
            }
        } else {
            matched = switch (command) {
                case SET, REMOVE -> true;
                case RCHECK, UPDATE -> RecentTable.enoughHits(entry, hitCount);
            };
            if (command == Command.REMOVE) {
                table.remove(key);
            } else if (command == Command.SET || (command == Command.UPDATE && matched)) {
                table.update(key, entry, ttl);
            }
        }
        par.note(!found ? Reason.of(ReasonCode.RECENT_LACKS, listName, key)
                : hitCount == 0 ? Reason.of(ReasonCode.RECENT_HOLDS, listName, key)
                : entry.stamps == 1 ? Reason.of(ReasonCode.RECENT_HOLDS_ONE_HIT, listName, key)
                : Reason.of(ReasonCode.RECENT_HOLDS_HITS, listName, key, entry.stamps));
        return matched != inverted;
    }

    /** libxt_recent's print (revision 1): command, timing, list name, side and mask. */
    @Override
    public void list(ListWriter out) {
        StringBuilder text = new StringBuilder(inverted ? "! recent:" : "recent:");
        text.append(' ').append(command == Command.RCHECK ? "CHECK" : command.name());
        if (seconds != 0) {
            text.append(" seconds: ").append(seconds);
        }
        if (reap) {
            text.append(" reap");
        }
        if (hitCount != 0) {
            text.append(" hit_count: ").append(hitCount);
        }
        if (rttl) {
            text.append(" TTL-Match");
        }
        text.append(" name: ").append(listName).append(" side: ").append(side == Side.RSOURCE ? "source" : "dest")
                .append(" mask: ").append(mask);
        out.text(text.toString());
    }
}
