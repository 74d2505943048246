package org.mitreden.submission;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A client's Idempotency-Key and what is derived from it under the service's secret (see
 * {@link IdempotencyKeys}). The stored record is found by a keyed hash of the key, and the first answer
 * (which holds the receipt code) is encrypted with a key derived from it, so the service keeps only a hash
 * of every receipt code, as promised, and still can replay the answer exactly. Without the secret, which
 * never enters the database, a backup holds nothing that a guessed client key would open.
 */
final class IdempotencyKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final String lookupHash;
    private final byte[] requestKey;
    private final SecretKeySpec encryptionKey;

    IdempotencyKey(String lookupHash, byte[] requestKey, byte[] encryptionKey) {
        this.lookupHash = lookupHash;
        this.requestKey = requestKey;
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
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

    /** AES-256-GCM; the lookup hash is authenticated with it, so an answer cannot be moved to another record. */
    String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            cipher.updateAAD(lookupHash.getBytes(StandardCharsets.US_ASCII));
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
            cipher.updateAAD(lookupHash.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored idempotent answer cannot be decrypted", e);
        }
    }
}
