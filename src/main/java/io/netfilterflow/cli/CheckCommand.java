package io.netfilterflow.cli;

import io.netfilterflow.netfilter.bridge.EbtablesRuleset;
import io.netfilterflow.netfilter.bridge.save.EbtablesSaveParser;
import io.netfilterflow.netfilter.bridge.save.EbtablesSavePrinter;
import io.netfilterflow.netfilter.ipv4.IptablesRuleset;
import io.netfilterflow.netfilter.ipv4.save.IptablesSaveParser;
import io.netfilterflow.netfilter.ipv4.save.IptablesSavePrinter;
import io.netfilterflow.netfilter.nft.NftRuleset;
import io.netfilterflow.netfilter.nft.NftRulesetPrinter;
import io.netfilterflow.netfilter.nft.expr.NftProgram;
import io.netfilterflow.netfilter.nft.json.NftJsonReader;
import io.netfilterflow.netfilter.save.RulesSyntaxException;
import io.netfilterflow.netfilter.save.UnsupportedUse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code check RULES_FILE [--ebtables|--nft]}: exit 0 with a summary, or 2 with {@code file:line: reason}.
 * What {@code nft list ruleset} prints is read as such with {@code --nft} or when it looks like it, and so is
 * what {@code nft -j list ruleset} prints (JSON). {@code check} also compiles native rules as the simulator runs
 * them, refusing by line what it does not model.
 * With {@code print} instead of a summary, a save file is printed back in canonical save form, and an nft
 * listing in the layout {@code nft list ruleset} prints.
 */
final class CheckCommand implements Cli.Command {

    private final boolean printBack;

    CheckCommand(boolean printBack) {
        this.printBack = printBack;
    }

    /** Words that only ebtables-save writes, to suggest the flag when it was forgotten; compiled on an error only. */
    private static final class EbtablesHint {
        static final Pattern PATTERN =
                Pattern.compile("(?m)^\\*broute|-p (IPv4|IPv6|ARP|Length|802_1Q)\\b|-j CONTINUE\\b"
                        + "|--ip-(src|dst|proto) ");
    }

    /** What {@code nft list ruleset} writes at a line's start, which is not a save format. */
    private static final List<String> NFT_TABLES =
            List.of("table ip ", "table ip6 ", "table inet ", "table bridge ", "table arp ", "table netdev ");

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean ebtables = args.contains("--ebtables");
        boolean nft = args.contains("--nft");
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (!arg.equals("--ebtables") && !arg.equals("--nft")) {
                files.add(arg);
            }
        }
        if (files.size() != 1 || files.get(0).startsWith("-") || (nft && ebtables)) {
            // as before: --nft is listed by help, beside the save formats
            err.println("usage: " + (printBack ? "print" : "check") + " RULES_FILE [--ebtables]");
            return Cli.USAGE;
        }
        String file = files.get(0);
        String text;
        byte[] ascii;
        try {
            TextFiles.Text read = TextFiles.readText(file);
            text = read.text();
            ascii = read.ascii();
        } catch (TextFiles.Refused e) {
            err.println(file + ": " + e.getMessage());
            return Cli.INVALID_INPUT;
        }
        if (nft || !ebtables && NftJsonReader.isJson(text)) {
            return readNft(file, text, out, err);
        }
        try {
            String shown;
            List<UnsupportedUse> unsupported;
            if (ebtables) {
                EbtablesRuleset ruleset = EbtablesSaveParser.parse(text);
                shown = printBack ? EbtablesSavePrinter.print(ruleset) : RulesetSummary.of(file, ruleset);
                unsupported = ruleset.unsupported();
            } else {
                IptablesRuleset ruleset = IptablesSaveParser.parseReadingAhead(text, ascii);
                shown = printBack ? IptablesSavePrinter.print(ruleset) : RulesetSummary.of(file, ruleset);
                unsupported = ruleset.unsupported();
            }
            if (printBack || unsupported.isEmpty()) {
                out.print(shown);
                return Cli.OK;
            }
            // kept in the model, but nothing here could evaluate them: refused, each by name and line
            for (UnsupportedUse use : unsupported) {
                RulesSyntaxException refusal = use.toException();
                err.println(file + ":" + refusal.line() + ": " + refusal.reason());
            }
            return Cli.INVALID_INPUT;
        } catch (RulesSyntaxException e) {
            if (!ebtables && looksLikeNft(text)) {
                // an nft listing fails as a save file at its first line or before, so a dump that reads is not
                // scanned for one: a 46 MB file is not read twice
                return readNft(file, text, out, err);
            }
            String hint = looksLikeNft(text)
                    ? " (this looks like 'nft list ruleset' output: give iptables-save or ebtables-save output)"
                    : !ebtables && EbtablesHint.PATTERN.matcher(text).find()
                    ? " (this looks like ebtables-save output: add --ebtables)" : "";
            err.println(file + ":" + e.line() + ": " + e.reason() + hint);
            return Cli.INVALID_INPUT;
        }
    }

    /** Whether a line starts with {@code table FAMILY}: found by scanning for the word, not a regex. */
    private static boolean looksLikeNft(String text) {
        for (int at = text.indexOf("table "); at >= 0; at = text.indexOf("table ", at + 1)) {
            if (at == 0 || text.charAt(at - 1) == '\n' || text.charAt(at - 1) == '\r') {
                for (String table : NFT_TABLES) {
                    if (text.startsWith(table, at)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private int readNft(String file, String text, PrintStream out, PrintStream err) {
        try {
            NftRuleset ruleset = NftJsonReader.parse(text);
            if (!printBack) {
                NftProgram.of(ruleset); // check refuses, by line, what the simulator would not run
            }
            out.print(printBack ? NftRulesetPrinter.print(ruleset) : NftRulesetSummary.of(file, ruleset));
            return Cli.OK;
        } catch (RulesSyntaxException e) {
            err.println(file + ":" + e.line() + ": " + e.reason());
            return Cli.INVALID_INPUT;
        }
    }
}
