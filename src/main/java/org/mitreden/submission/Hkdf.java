package org.mitreden.submission;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), for outputs of at most one hash length. Java 17 has HMAC but no
 * HKDF (javax.crypto.KDF came with Java 24), and these few lines are not worth a cryptography library;
 * the RFC's test vectors check them.
 */
final class Hkdf {

    static final int HASH_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private Hkdf() {
    }

    /** HKDF-Extract: a pseudorandom key from input keying material and a salt. */
    static byte[] extract(byte[] salt, byte[] inputKeyingMaterial) {
        return hmac(salt.length == 0 ? new byte[HASH_BYTES] : salt, inputKeyingMaterial);
    }

    /** HKDF-Expand for {@code length} bytes, at most {@link #HASH_BYTES}: T(1) = HMAC(PRK, info | 0x01). */
    static byte[] expand(byte[] pseudorandomKey, byte[] info, int length) {
        if (length < 1 || length > HASH_BYTES) {
            throw new IllegalArgumentException("length must be 1 to " + HASH_BYTES);
        }
        byte[] input = new byte[info.length + 1];
        System.arraycopy(info, 0, input, 0, info.length);
        input[info.length] = 1;
        byte[] block = hmac(pseudorandomKey, input);
        if (length == HASH_BYTES) {
            return block;
        }
        byte[] output = new byte[length];
        System.arraycopy(block, 0, output, 0, length);
        return output;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
