package io.netfilterflow.netfilter.nft;

import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.problem.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code nft list ruleset} (or {@code nft -a list ruleset}) prints into an {@link NftRuleset}:
 * {@code table FAMILY NAME { ... }} blocks and nothing else at the top level, as nft's {@code parser_bison.y}
 * reads a table block. The first thing wrong or not modelled is refused as a {@link RulesSyntaxException} with
 * its line, by name:
 * <ul>
 * <li>any top-level keyword but {@code table} ({@code flush}, {@code add}, {@code define}, {@code include} ...:
 *     an {@code nft -f} script, not a listing);</li>
 * <li>in a table: {@code flowtable} (its flows leave the hooks) and stateful objects ({@code counter},
 *     {@code quota}, {@code limit}, {@code ct helper|timeout|expectation}, {@code secmark}, {@code synproxy},
 *     {@code tunnel}); {@code flags dormant} (a dormant table registers no hooks);</li>
 * <li>base chains on {@code ingress} or {@code egress} (netdev, and inet's ingress): not a hook the simulator
 *     runs, so no base chain here holds a device;</li>
 * <li>sets with counters or quotas (see {@link NftSetReader}; a set's default timeout is read);</li>
 * <li>tables that iptables-nft or ebtables-nft made (see {@link XtablesNftTables}): those belong in
 *     iptables-save or ebtables-save text.</li>
 * </ul>
 * Budgets are {@link NftBlockReader}'s: every loop reads at least one token, so the work is linear in the text.
 * What {@code nft -j list ruleset} prints (JSON) is read into the same model by {@code nft.json.NftJsonReader}.
 */
public final class NftRulesetParser {

    private static final Set<String> OBJECTS =
            Set.of("flowtable", "counter", "quota", "limit", "ct", "secmark", "synproxy", "tunnel");
    private static final Pattern XTABLES_WARNING =
            Pattern.compile("# Warning: table (\\S+) (\\S+) is managed by (\\S+), do not touch!\\s*");

    private final NftBlockReader in;

    private NftRulesetParser(String text) {
        this.in = new NftBlockReader(new NftLexer(text));
    }

    /** Reads nft text; {@code NftJsonReader.parse} reads its JSON too. */
    public static NftRuleset parse(String text) {
        return new NftRulesetParser(text).ruleset();
    }

    private NftRuleset ruleset() {
        List<NftTable> tables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String warnedBy = null;
        while (true) {
            NftToken token = in.peek();
            switch (token.kind()) {
                case END -> {
                    return new NftRuleset(tables);
                }
                case NEWLINE, SEMICOLON -> in.next();
                case COMMENT -> warnedBy = xtablesWarning(in.next().text(in.source()), warnedBy);
                case WORD -> {
                    NftTable table = table(warnedBy);
                    warnedBy = null;
                    if (!seen.add(table.family() + " " + table.name())) {
                        throw new RulesSyntaxException(table.line(), Problem.of("rules.nft-table-twice",
                                table.family(), table.name()));
                    }
                    tables.add(table);
                }
                default -> throw new RulesSyntaxException(token.line(),
                        Problem.of("rules.nft-unknown-top-level", token.text(in.source())));
            }
        }
    }

    /** The tool named by iptables-nft's warning comment above a table, or what was known before. */
    private static String xtablesWarning(String comment, String before) {
        Matcher m = XTABLES_WARNING.matcher(comment);
        return m.matches() ? m.group(3) : before;
    }

    private NftTable table(String warnedBy) {
        NftToken keyword = in.next();
        String word = keyword.text(in.source());
        int line = keyword.line();
        if (!word.equals("table")) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-unknown-top-level", word));
        }
        String familyWord = in.name("a family");
        NftFamily family = NftFamily.of(familyWord);
        if (family == null) {
            throw new RulesSyntaxException(line, Problem.of("rules.nft-unknown-family", familyWord));
        }
        String name = in.name("a table name");
        if (warnedBy != null) {
            throw XtablesNftTables.refusal(line, family, name, warnedBy);
        }
        Long handle = in.open();
        return tableBody(family, name, line, handle);
    }

    private NftTable tableBody(NftFamily family, String name, int line, Long handle) {
        List<String> statements = new ArrayList<>();
        List<NftChain> chains = new ArrayList<>();
        List<NftSet> sets = new ArrayList<>();
        Set<String> chainNames = new HashSet<>();
        Set<String> setNames = new HashSet<>();
        while (true) {
            in.skipBlank();
            NftToken token = in.peek();
            if (token.is(NftToken.Kind.CLOSE)) {
                in.next();
                NftTable table = new NftTable(family, name, line, handle, statements, chains, sets);
                NftJumps.checkTargets(table);
                return table;
            }
            if (token.is(NftToken.Kind.END)) {
                throw new RulesSyntaxException(line, Problem.of("rules.nft-unclosed-block", "table " + family + " " + name));
            }
            String word = token.text(in.source());
            switch (word) {
                case "chain" -> {
                    in.next();
                    NftChain chain = new NftChainReader(in, family, name).chain(token.line());
                    if (!chainNames.add(chain.name())) {
                        throw new RulesSyntaxException(chain.line(),
                                Problem.of("rules.chain-declared-twice", chain.name(), family + " " + name));
                    }
                    chains.add(chain);
                }
                case "set", "map" -> {
                    in.next();
                    NftSet set = new NftSetReader(in).set(word.equals("map"), token.line());
                    if (!setNames.add(set.name())) {
                        throw new RulesSyntaxException(set.line(), Problem.of("rules.nft-set-twice", set.name()));
                    }
                    sets.add(set);
                }
                default -> statements.add(tableStatement(in.statement(), word));
            }
        }
    }

    /** Checks a table's own statement ({@code flags}, {@code comment}) and returns it as written. */
    private String tableStatement(NftStatement statement, String word) {
        String source = in.source();
        if (OBJECTS.contains(word)) {
            String kind = word.equals("ct") ? "ct " + statement.word(source, 1) : word;
            throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-unsupported-object", kind));
        }
        if (word.equals("flags")) {
            if (statement.words(source, 1).contains("dormant")) {
                throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-dormant-table"));
            }
        } else if (!word.equals("comment")) {
            throw new RulesSyntaxException(statement.line(), Problem.of("rules.nft-unknown-keyword", word, "table"));
        }
        return statement.text(source, 0);
    }
}
