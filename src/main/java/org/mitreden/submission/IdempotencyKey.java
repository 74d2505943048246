package org.mitreden.submission;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's Idempotency-Key and what is derived from it. The stored record is found by a hash of the
 * key, and the first answer (which holds the receipt code) is encrypted with a key derived from it, so the
 * service keeps only a hash of every receipt code, as promised, and still can replay the answer exactly.
 */
final class IdempotencyKey {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final String lookupHash;
    private final byte[] requestKey;
    private final SecretKeySpec encryptionKey;

    private IdempotencyKey(String scope, String key) {
        String material = scope + '\u0000' + key;
        this.lookupHash = HexFormat.of().formatHex(sha256("mitreden/idempotency/lookup\u0000" + material));
        this.requestKey = sha256("mitreden/idempotency/request\u0000" + material);
        this.encryptionKey = new SecretKeySpec(sha256("mitreden/idempotency/encryption\u0000" + material), "AES");
    }

    /**
     * @param scope who is calling (a token subject, or empty when anonymous), so two kiosks that pick the
     *              same key do not see each other's answers
     * @return empty when the key is malformed
     */
    static Optional<IdempotencyKey> parse(String scope, String key) {
        if (key == null || !FORMAT.matcher(key).matches()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyKey(scope, key));
    }

    String lookupHash() {
        return lookupHash;
    }

    /** Keyed by the idempotency key, so the hash cannot be matched against stored wish texts without it. */
    String requestHash(String canonicalRequest) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(requestKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ciphertext.length)
                    .put(iv).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(String stored) {
        try {
            byte[] bytes = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored idempotent answer cannot be decrypted", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
