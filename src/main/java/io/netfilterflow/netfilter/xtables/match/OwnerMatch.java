package io.netfilterflow.netfilter.xtables.match;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.xtables.XtActionParam;
import io.netfilterflow.netfilter.core.Negatable;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtMatch;
import io.netfilterflow.problem.InvalidValue;

/**
 * {@code -m owner}: the local socket's owner, for packets the host sends ({@code xt_owner}).
 * Ids are numeric, as iptables-save prints them.
 */
public record OwnerMatch(Negatable<IdRange> uid, Negatable<IdRange> gid, Boolean socketExists,
                         Boolean supplGroups) implements XtMatch {

    /** An inclusive id range; a single id has {@code first == last}. */
    public record IdRange(long first, long last) {
        static IdRange parse(String text) {
            int dash = text.indexOf('-');
            long first = ExtensionArgs.parseUnsigned32(dash < 0 ? text : text.substring(0, dash));
            long last = dash < 0 ? first : ExtensionArgs.parseUnsigned32(text.substring(dash + 1));
            if (first > last) {
                throw new InvalidValue("rules.id-range-backwards", text);
            }
            return new IdRange(first, last);
        }

        public boolean contains(long id) {
            return id >= first && id <= last;
        }

        @Override
        public String toString() {
            return first == last ? Long.toString(first) : first + "-" + last;
        }
    }

    public static final XtExtension<OwnerMatch> EXTENSION = new XtExtension<>("owner",
            OptionSpec.of("--uid-owner", 1, "--gid-owner", 1, "--socket-exists", 0, "--suppl-groups", 0),
            OwnerMatch::create);

    private static OwnerMatch create(ExtensionArgs args) {
        if (args.uses().isEmpty()) {
            throw args.refuse("rules.owner-needs-option");
        }
        return new OwnerMatch(ids(args, "--uid-owner"), ids(args, "--gid-owner"),
                flag(args, "--socket-exists"), flag(args, "--suppl-groups"));
    }

    private static Negatable<IdRange> ids(ExtensionArgs args, String name) {
        OptionUse use = args.find(name);
        if (use == null) {
            return null;
        }
        return Negatable.of(args.convert(use.arg(), name, text -> {
            try {
                return IdRange.parse(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidValue("rules.not-a-numeric-id", text);
            }
        }), use.inverted());
    }

    private static Boolean flag(ExtensionArgs args, String name) {
        OptionUse use = args.find(name);
        return use == null ? null : use.inverted();
    }

    @Override
    public String name() {
        return "owner";
    }

    @Override
    public void save(RuleWriter out) {
        if (socketExists != null) {
            out.option(socketExists, "--socket-exists");
        }
        if (uid != null) {
            out.option(uid.inverted(), "--uid-owner", uid.value().toString());
        }
        if (gid != null) {
            out.option(gid.inverted(), "--gid-owner", gid.value().toString());
        }
        if (supplGroups != null) {
            out.option(supplGroups, "--suppl-groups");
        }
    }

    /** {@code owner_mt}; {@code socketExists} holds whether {@code --socket-exists} was written with {@code !}. */
    @Override
    public boolean match(XtActionParam par) {
        if (par.uid() == null) {
            // owner_mt: no socket matches only when every test is inverted
            return (socketExists == null || socketExists) && (uid == null || uid.inverted())
                    && (gid == null || gid.inverted());
        }
        return (socketExists == null || !socketExists)
                && (uid == null || uid.test(uid.value().contains(par.uid())))
                && (gid == null || gid.test(gid.value().contains(par.gid())));
    }

    /** libxt_owner's print, item by item: socket, UID, GID, supplementary groups. */
    @Override
    public void list(ListWriter out) {
        if (socketExists != null) {
            out.text((socketExists ? "! " : "") + "owner socket exists");
        }
        if (uid != null) {
            out.text((uid.inverted() ? "! " : "") + "owner UID match " + id(uid.value(), out::user));
        }
        if (gid != null) {
            out.text((gid.inverted() ? "! " : "") + "owner GID match " + id(gid.value(), out::group));
        }
        if (supplGroups != null) {
            out.text((supplGroups ? "! " : "") + "incl. suppl. groups");
        }
    }

    private static String id(IdRange range, java.util.function.LongFunction<String> name) {
        return range.first() == range.last() ? name.apply(range.first()) : range.first() + "-" + range.last();
    }
}
