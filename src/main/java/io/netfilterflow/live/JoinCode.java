package io.netfilterflow.live;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A live session's join code: six characters a class can read off a projector and type, from an alphabet
 * without the look-alikes 0/O, 1/I/L. 32⁶ codes, about a billion, against the few thousand sessions open at once.
 */
public record JoinCode(String value) {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 6;
    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public JoinCode {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a join code: " + value);
        }
    }

    static JoinCode random() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new JoinCode(code.toString());
    }

    /** The code typed or linked, in either case, or empty when it cannot be one (so it is never looked up). */
    public static Optional<JoinCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return FORM.matcher(upper).matches() ? Optional.of(new JoinCode(upper)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
