package org.neglectscorecard.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Child identifiers become keyed hashes (HMAC-SHA-256 of LA code and identifier) on the way in:
 * the same child in successive returns gets the same key, nobody without the operator's key can
 * recompute it, and no identifier is ever stored. The key itself is never logged nor stored;
 * the database keeps only its fingerprint, to refuse a different key.
 */
public final class Pseudonymiser {

    /** For the synthetic sample data only; refused for any other input. Not a secret. */
    public static final String SAMPLE_KEY = "neglect-scorecard built-in key for synthetic sample data only";
    public static final int MIN_KEY_LENGTH = 16;

    private final SecretKeySpec key;
    private final boolean sampleKey;
    private final ThreadLocal<Mac> mac;

    /** A key that cannot be used: a mistake in the operator's settings, said in one line, never the key itself. */
    public static final class KeyException extends IllegalArgumentException {
        public KeyException(String message) {
            super(message);
        }
    }

    public Pseudonymiser(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new KeyException("The pseudonymisation key (SCORECARD_PSEUDONYM_KEY) is too short: it must be at least "
                    + MIN_KEY_LENGTH + " characters. Set it to a long phrase only your team knows, the same every month, "
                    + "and run the command again.");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.sampleKey = SAMPLE_KEY.equals(key);
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    public boolean isSampleKey() {
        return sampleKey;
    }

    /** 128 bits of HMAC-SHA-256 as hex: collisions are out of the question at national scale. */
    public String childKey(String laCode3, String childId) {
        byte[] digest = mac.get().doFinal((laCode3 + '\u0000' + childId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    /** Identifies the key without revealing it. */
    public String fingerprint() {
        byte[] digest = mac.get().doFinal("neglect-scorecard key fingerprint".getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key withheld]";
    }
}
