package org.mitreden.submission;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.mitreden.jobcenter.Jobcenter;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.mitreden.core.MitredenConfig;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Turns a client's Idempotency-Key into what the idempotency record is found and encrypted by, under the
 * server-side secret {@value #SETTING}. A plain hash of the key would let anyone holding a database
 * backup try guessable keys (kiosk number, date, sequence), find the record and decrypt the receipt code
 * in it; keyed by a secret that lives only in the service's configuration, the table is opaque to them.
 *
 * <p>HKDF-SHA256 turns the secret into three independent keys (for the lookup hash, the request hash
 * and the encryption key); each is then applied to the caller's scope and key.
 * Checked at start-up, so that a weak secret stops the service instead of protecting nothing. Without any
 * secret the service still starts, so that a jobcenter can try it with nothing configured, under a random
 * secret held only in memory: retries are then replayed only by the instance that stored the first answer
 * and only until it restarts, which a warning says.
 */
@Startup
@ApplicationScoped
public class IdempotencyKeys {

    static final String SETTING = "mitreden.idempotency.secret";
    static final int MIN_SECRET_BYTES = 32;
    /** The value application.properties gives dev mode and tests; published, so production refuses it. */
    static final String PUBLISHED_SECRET = "dev-and-test-only-published-never-use-in-production";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,128}");
    private static final byte[] SALT = "mitreden/idempotency/v2".getBytes(StandardCharsets.UTF_8);

    @Inject
    MitredenConfig config;

    private byte[] lookupKey;
    private byte[] requestKey;
    private byte[] encryptionKey;

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    @PostConstruct
    void deriveKeys() {
        Optional<String> configured = config.idempotency().secret().filter(secret -> !secret.isEmpty());
        if (configured.isEmpty()) {
            LOG.warnf("%s is not set (environment variable MITREDEN_IDEMPOTENCY_SECRET): idempotency records are"
                    + " keyed under a random secret that lives only in this process, so a retry is replayed only by"
                    + " this instance and only until it restarts. Set it to at least %d random bytes, the same on"
                    + " every replica, e.g. the output of 'openssl rand -base64 48'", SETTING, MIN_SECRET_BYTES);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            deriveKeys(random);
            return;
        }
        deriveKeys(checked(configured, LaunchMode.current() == LaunchMode.NORMAL));
    }

    /** Keys under another secret, for tests that show what a different secret changes. */
    static IdempotencyKeys withSecret(byte[] secret) {
        IdempotencyKeys keys = new IdempotencyKeys();
        keys.deriveKeys(secret);
        return keys;
    }

    private void deriveKeys(byte[] secret) {
        byte[] master = Hkdf.extract(SALT, secret);
        lookupKey = Hkdf.expand(master, label("lookup"), Hkdf.HASH_BYTES);
        requestKey = Hkdf.expand(master, label("request"), Hkdf.HASH_BYTES);
        encryptionKey = Hkdf.expand(master, label("encryption"), Hkdf.HASH_BYTES);
    }

    /**
     * @param production whether the published dev and test value is refused too
     * @return the secret's bytes
     * @throws ConfigurationException naming the setting, when it is missing or too short
     */
    static byte[] checked(Optional<String> configured, boolean production) {
        String secret = configured.orElse("");
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw refused("is not set");
        }
        if (bytes.length < MIN_SECRET_BYTES) {
            throw refused("is too short (" + bytes.length + " bytes)");
        }
        if (production && secret.equals(PUBLISHED_SECRET)) {
            throw refused("is the value published for dev mode and tests");
        }
        return bytes;
    }

    private static ConfigurationException refused(String problem) {
        return new ConfigurationException(SETTING + " " + problem + ": set it (environment variable "
                + "MITREDEN_IDEMPOTENCY_SECRET, from a Kubernetes Secret) to at least " + MIN_SECRET_BYTES
                + " random bytes, e.g. the output of 'openssl rand -base64 48'", Set.of(SETTING));
    }

    /** Whether a key has the form the contract allows; only such a key is ever looked up. */
    static boolean wellFormed(String key) {
        return key != null && FORMAT.matcher(key).matches();
    }

    /**
     * The key of a caller in a jobcenter: kiosks of two jobcenters, anonymous or with tokens of the same
     * subject, never find each other's answers, nor learn from a 422 that a key was used elsewhere. In the
     * default jobcenter the scope is the subject alone, as before jobcenters existed, so retries in flight
     * across an upgrade still find their first answer.
     *
     * @param subject the token's subject, or empty when anonymous
     * @return empty when the key is malformed
     */
    Optional<IdempotencyKey> parse(String jobcenter, String subject, String key) {
        return parse(Jobcenter.DEFAULT.equals(jobcenter) ? subject : jobcenter + '\u0000' + subject, key);
    }

    /**
     * @param scope who is calling, so two kiosks that pick the same key do not see each other's answers
     * @return empty when the key is malformed
     */
    Optional<IdempotencyKey> parse(String scope, String key) {
        if (!wellFormed(key)) {
            return Optional.empty();
        }
        byte[] material = (scope + '\u0000' + key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(new IdempotencyKey(
                HexFormat.of().formatHex(Hkdf.expand(lookupKey, material, Hkdf.HASH_BYTES)),
                Hkdf.expand(requestKey, material, Hkdf.HASH_BYTES),
                Hkdf.expand(encryptionKey, material, Hkdf.HASH_BYTES)));
    }

    private static byte[] label(String purpose) {
        return ("mitreden/idempotency/" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
