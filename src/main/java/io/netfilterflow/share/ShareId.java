package io.netfilterflow.share;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A share link's id: 128 random bits from {@link SecureRandom}, written as 22 base64url characters.
 * Nobody can guess or count through them, so a link is known only to those it was given to.
 */
public record ShareId(String value) {

    private static final int BYTES = 16;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ShareId {
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a share id: " + value);
        }
    }

    public static ShareId random() {
        byte[] bits = new byte[BYTES];
        RANDOM.nextBytes(bits);
        return new ShareId(Base64.getUrlEncoder().withoutPadding().encodeToString(bits));
    }

    /** The id written in a link, or empty when the text cannot be one (so it is never looked up). */
    public static Optional<ShareId> parse(String text) {
        return text != null && FORM.matcher(text).matches() ? Optional.of(new ShareId(text)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
