package io.netfilterflow.netfilter.nft;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes an {@link NftRuleset} in the layout {@code nft list ruleset} prints (nft 1.0.6's {@code table_print},
 * {@code set_print} and {@code chain_print}): tabs, a table's sets and maps before its chains with a blank
 * line between blocks and none between tables, the base chain's {@code type T hook H priority P; policy X;}
 * line, rules as their text, and {@code # handle N} comments where the model holds handles (read with
 * {@code -a}). What was read is written as read (a rule's text, a set's elements and how they were wrapped, a
 * priority given by name), so what nft printed prints back byte for byte; a priority read as a number is
 * written as nft names it ({@link NftFamily#priorityName}), and a set's statements in the order nft prints them
 * ({@code size} before {@code flags}, {@code timeout} after).
 */
public final class NftRulesetPrinter {

    private static final String ELEMENT_LINE_BREAK = ",\n\t\t\t     ";
    /** A newline in a rule's text (only inside braces, where the reader joins lines), with the blanks around it. */
    private static final Pattern LINE_BREAK = Pattern.compile("[ \\t\\r]*\\\\?\\n[ \\t]*");
    /** A set's statements in the order nft prints them; {@code flags} stands at {@link #FLAGS_ORDER}. */
    private static final List<String> SET_STATEMENTS =
            List.of("policy", "size", "flags", "auto-merge", "timeout", "gc-interval", "comment");
    private static final int FLAGS_ORDER = SET_STATEMENTS.indexOf("flags");

    private NftRulesetPrinter() {
    }

    public static String print(NftRuleset ruleset) {
        StringBuilder out = new StringBuilder();
        ruleset.tables().forEach(table -> table(out, table));
        return out.toString();
    }

    private static void table(StringBuilder out, NftTable table) {
        out.append("table ").append(table.family()).append(' ').append(table.name()).append(" {")
                .append(handle(table.handle())).append('\n');
        table.statements().forEach(statement -> out.append('\t').append(statement).append('\n'));
        String delimiter = "";
        for (NftSet set : table.sets()) {
            out.append(delimiter);
            set(out, set);
            delimiter = "\n";
        }
        for (NftChain chain : table.chains()) {
            out.append(delimiter);
            chain(out, table.family(), chain);
            delimiter = "\n";
        }
        out.append("}\n");
    }

    private static void set(StringBuilder out, NftSet set) {
        out.append(set.map() ? "\tmap " : "\tset ").append(set.name()).append(" {").append(handle(set.handle()))
                .append('\n');
        out.append(set.typeof() ? "\t\ttypeof " : "\t\ttype ").append(set.type()).append('\n');
        List<String> statements = set.statements().stream()
                .sorted(Comparator.comparingInt(NftRulesetPrinter::setStatementOrder)).toList();
        statements.stream().filter(s -> setStatementOrder(s) < FLAGS_ORDER)
                .forEach(statement -> out.append("\t\t").append(statement).append('\n'));
        if (!set.flags().isEmpty()) {
            out.append("\t\tflags ").append(String.join(",", set.flags())).append('\n');
        }
        statements.stream().filter(s -> setStatementOrder(s) > FLAGS_ORDER)
                .forEach(statement -> out.append("\t\t").append(statement).append('\n'));
        if (!set.elements().isEmpty()) {
            out.append("\t\telements = { ");
            elements(out, set);
            out.append(" }\n");
        }
        out.append("\t}\n");
    }

    /** Where nft 1.0.6's {@code set_print_declaration} puts a set's statement: policy, size, flags, ... */
    private static int setStatementOrder(String statement) {
        String word = statement.split(" ", 2)[0];
        int order = SET_STATEMENTS.indexOf(word);
        return order < 0 ? SET_STATEMENTS.size() : order;
    }

    private static void elements(StringBuilder out, NftSet set) {
        int onLine = 0;
        int line = 0;
        for (int i = 0; i < set.elements().size(); i++) {
            if (i > 0) {
                boolean lineFull = !set.elementLines().isEmpty() && onLine == set.elementLines().get(line);
                out.append(lineFull ? ELEMENT_LINE_BREAK : ", ");
                if (lineFull) {
                    line++;
                    onLine = 0;
                }
            }
            out.append(set.elements().get(i));
            onLine++;
        }
    }

    private static void chain(StringBuilder out, NftFamily family, NftChain chain) {
        out.append("\tchain ").append(chain.name()).append(" {").append(handle(chain.handle())).append('\n');
        if (chain.comment() != null) {
            out.append("\t\tcomment \"").append(chain.comment()).append("\"\n");
        }
        NftBaseChain base = chain.base();
        if (base != null) {
            out.append("\t\ttype ").append(base.type()).append(" hook ").append(base.hook())
                    .append(" priority ").append(priority(family, base)).append("; policy ").append(base.policy())
                    .append(";\n");
        }
        for (NftRule rule : chain.rules()) {
            out.append("\t\t").append(oneLine(rule.text())).append(handle(rule.handle())).append('\n');
        }
        out.append("\t}\n");
    }

    /** The priority as written when it was written by name, else as nft names the number. */
    static String priority(NftFamily family, NftBaseChain base) {
        String written = base.writtenPriority();
        if (written != null && !written.isEmpty() && Character.isLetter(written.charAt(0))) {
            return written;
        }
        return family.priorityName(base.hook(), base.priority());
    }

    /** A rule written over several lines (an anonymous set broken inside its braces) on one, as nft prints it. */
    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 ? text : LINE_BREAK.matcher(text).replaceAll(" ");
    }

    private static String handle(Long handle) {
        return handle == null ? "" : " # handle " + handle;
    }
}
