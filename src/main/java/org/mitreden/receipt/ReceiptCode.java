package org.mitreden.receipt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Receipt codes: 120 random bits in Crockford base32, grouped for reading off a kiosk screen
 * ({@code 7KQ2MX-...}). Only a SHA-256 of the code is stored; with 120 random bits a plain hash cannot be
 * reversed by guessing.
 */
public final class ReceiptCode {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int RANDOM_BYTES = 15;
    private static final int LENGTH = RANDOM_BYTES * 8 / 5;
    private static final int GROUP = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCode() {
    }

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                if (code.length() > 0 && (code.length() + 1) % (GROUP + 1) == 0) {
                    code.append('-');
                }
                code.append(ALPHABET[(buffer >> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        return code.toString();
    }

    /** The hash under which a code is stored, or empty when the text cannot be a receipt code. */
    public static Optional<String> hash(String code) {
        return normalize(code).map(ReceiptCode::sha256);
    }

    /** Upper case, without separators, with the letters people confuse read as digits (Crockford). */
    static Optional<String> normalize(String code) {
        if (code == null || code.length() > 64) {
            return Optional.empty();
        }
        StringBuilder normalized = new StringBuilder(LENGTH);
        for (char c : code.toUpperCase(Locale.ROOT).toCharArray()) {
            char symbol = switch (c) {
                case '-', ' ' -> 0;
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (symbol == 0) {
                continue;
            }
            if (java.util.Arrays.binarySearch(ALPHABET, symbol) < 0) {
                return Optional.empty();
            }
            normalized.append(symbol);
        }
        return normalized.length() == LENGTH ? Optional.of(normalized.toString()) : Optional.empty();
    }

    private static String sha256(String normalized) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
