package io.netfilterflow.netfilter.bridge.ebt;

import io.netfilterflow.trace.ReasonCode;
import io.netfilterflow.trace.Reason;
import io.netfilterflow.netfilter.bridge.EbtTargetParam;
import io.netfilterflow.netfilter.bridge.EbtTarget;
import io.netfilterflow.netfilter.bridge.EbtVerdict;
import io.netfilterflow.netfilter.save.ExtensionArgs;
import io.netfilterflow.netfilter.save.OptionSpec;
import io.netfilterflow.netfilter.save.OptionUse;
import io.netfilterflow.netfilter.save.RuleWriter;
import io.netfilterflow.netfilter.xtables.XtExtension;
import java.util.List;

/** {@code -j mark --mark-set|--mark-or|--mark-and|--mark-xor V} ({@code ebt_mark}), then a verdict. */
public record EbtMarkTarget(Operation operation, long value, EbtVerdict then) implements EbtTarget {

    /** How the value combines with the frame's mark. */
    public enum Operation {
        SET("--mark-set"), OR("--mark-or"), AND("--mark-and"), XOR("--mark-xor");

        private final String option;

        Operation(String option) {
            this.option = option;
        }
    }

    public static final XtExtension<EbtMarkTarget> EXTENSION = new XtExtension<>("mark",
            OptionSpec.of("--mark-set|--set-mark", 1, "--mark-or", 1, "--mark-and", 1, "--mark-xor", 1,
                    "--mark-target", 1),
            args -> {
                List<OptionUse> ops = args.uses().stream().filter(u -> !u.name().equals("--mark-target")).toList();
                if (ops.size() != 1) {
                    throw args.refuse("bridge.mark-needs-one-operation");
                }
                OptionUse op = ops.get(0);
                Operation operation = List.of(Operation.values()).stream()
                        .filter(o -> o.option.equals(op.name())).findFirst().orElseThrow();
                return new EbtMarkTarget(operation, args.value(op, ExtensionArgs::parseUnsigned32),
                        EbtTargetVerdict.read(args, "--mark-target"));
            });

    public long apply(long mark) {
        return switch (operation) {
            case SET -> value;
            case OR -> mark | value;
            case AND -> mark & value;
            case XOR -> mark ^ value;
        };
    }

    @Override
    public String name() {
        return "mark";
    }

    @Override
    public void saveOptions(RuleWriter out) {
        out.word(operation.option).word(RuleWriter.hex(value)).word("--mark-target").word(then.name());
    }

    /** {@code ebt_mark_tg}. */
    @Override
    public EbtVerdict target(EbtTargetParam par) {
        par.setMark(apply(par.mark()));
        par.note(Reason.of(ReasonCode.EBT_MARK, "0x" + Long.toHexString(par.mark())));
        return then;
    }
}
