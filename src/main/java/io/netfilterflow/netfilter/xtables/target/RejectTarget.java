package io.netfilterflow.netfilter.xtables.target;

import io.netfilterflow.netfilter.save.ListWriter;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.TargetVerdict;
import io.netfilterflow.netfilter.xtables.XtExtension;
import io.netfilterflow.netfilter.xtables.XtTarget;
import io.netfilterflow.netfilter.xtables.XtTargetParam;
import io.netfilterflow.problem.InvalidValue;
import java.util.Locale;

/** {@code -j REJECT --reject-with TYPE}: drop and answer ({@code ipt_REJECT}). */
public record RejectTarget(With with) implements XtTarget {

    /** {@code enum ipt_reject_with}, with the ICMP type/code each sends. */
    public enum With {
        ICMP_NET_UNREACHABLE("icmp-net-unreachable", "net-unreach", 3, 0),
        ICMP_HOST_UNREACHABLE("icmp-host-unreachable", "host-unreach", 3, 1),
        ICMP_PROT_UNREACHABLE("icmp-proto-unreachable", "proto-unreach", 3, 2),
        ICMP_PORT_UNREACHABLE("icmp-port-unreachable", "port-unreach", 3, 3),
        ICMP_NET_PROHIBITED("icmp-net-prohibited", "net-prohib", 3, 9),
        ICMP_HOST_PROHIBITED("icmp-host-prohibited", "host-prohib", 3, 10),
        TCP_RESET("tcp-reset", "tcp-rst", -1, -1),
        ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", "admin-prohib", 3, 13);

        private final String saveName;
        private final String alias;
        private final int icmpType;
        private final int icmpCode;

        With(String saveName, String alias, int icmpType, int icmpCode) {
            this.saveName = saveName;
            this.alias = alias;
            this.icmpType = icmpType;
            this.icmpCode = icmpCode;
        }

        public String saveName() {
            return saveName;
        }

        public int icmpType() {
            return icmpType;
        }

        public int icmpCode() {
            return icmpCode;
        }

        static With parse(String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (With with : values()) {
                if (with.saveName.equals(lower) || with.alias.equals(lower)) {
                    return with;
                }
            }
            if (lower.startsWith("icmp6-")) {
                throw new InvalidValue("rules.ip6tables-reject-type", text);
            }
            throw new InvalidValue("rules.unknown-reject-type", text);
        }
    }

    public static final XtExtension<RejectTarget> EXTENSION = new XtExtension<>("REJECT",
            OptionSpec.of("--reject-with", 1),
            args -> {
                var use = args.find("--reject-with");
                return new RejectTarget(use == null ? With.ICMP_PORT_UNREACHABLE : args.value(use, With::parse));
            });

    @Override
    public String name() {
        return "REJECT";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word("--reject-with").word(with.saveName);
    }

    @Override
    public void list(ListWriter out) {
        out.text("reject-with " + with.saveName);
    }

    /** {@code reject_tg}: the answer goes out (when the kernel sends one) and the packet is dropped. */
    @Override
    public TargetVerdict target(XtTargetParam par) {
        return TargetVerdict.drop(par.reject(with == With.TCP_RESET, with.icmpType(), with.icmpCode()));
    }
}
