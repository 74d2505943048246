package org.mitreden.submission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mitreden.TestWishes.asKiosk;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mitreden.TestWishes.uniqueWish;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mitreden.wish.Wish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** A kiosk on a flaky network retries; a retry must never store a wish twice. */
@QuarkusTest
class IdempotencyTest {

    /** The subject of the kiosk token the tests submit with (TestTokens), which scopes its keys. */
    private static final String KIOSK_SUBJECT = "test-kiosk";
    /** mitreden.time-zone in the tests (the default). */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotencyKeys keys;

    @Inject
    SubmissionService service;

    private static Response post(String key, Object body) {
        return asKiosk().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/wishes");
    }

    private static long wishesWithText(String text) {
        return QuarkusTransaction.requiringNew().call(() -> Wish.count("text", text));
    }

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstAnswer() {
        String key = "kiosk-3_" + UUID.randomUUID();
        Map<String, Object> wish = uniqueWish();

        Response first = post(key, wish);
        first.then().statusCode(201);
        Response retry = post(key, wish);
        retry.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")));

        assertThat(retry.jsonPath().getMap("")).isEqualTo(first.jsonPath().getMap(""));
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() {
        String key = "kiosk-4_" + UUID.randomUUID();
        Map<String, Object> first = uniqueWish();
        Map<String, Object> other = uniqueWish();
        post(key, first).then().statusCode(201);
        post(key, other).then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
        assertThat(wishesWithText((String) other.get("text"))).isZero();
    }

    @Test
    void malformedKeysAreRefused() {
        for (String key : List.of("short", "has space in it", "ümlaut-key-123", "x".repeat(129), "semi;colon;key")) {
            Map<String, Object> wish = uniqueWish();
            post(key, wish).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("Idempotency-Key"));
            assertThat(wishesWithText((String) wish.get("text"))).isZero();
        }
    }

    @Test
    void aMalformedKeyIsReportedWithTheProblemsOfTheBody() {
        Map<String, Object> empty = Map.of("text", "");
        post("bad", empty).then().statusCode(400)
                .body("violations.field", hasItems("Idempotency-Key", "targetGroup", "topic", "text"));
    }

    @Test
    void wellFormedKeysAtTheLimitsAreAccepted() {
        post("A".repeat(8), uniqueWish()).then().statusCode(201);
        post("b_-9".repeat(32), uniqueWish()).then().statusCode(201);
    }

    @Test
    void concurrentRetriesStoreExactlyOneWish() throws Exception {
        int attempts = 12;
        String key = "race-" + UUID.randomUUID();
        Map<String, Object> wish = uniqueWish();
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return post(key, wish);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as("a racing retry is replayed or told it is in flight")
                        .isIn(201, 409);
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                } else {
                    assertThat(response.header("Retry-After")).isNotBlank();
                }
            }
            assertThat(ids).isNotEmpty();
            assertThat(ids).as("every success names the same wish").containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(1);

        // Once the first call is done, a retry gets the stored answer.
        post(key, wish).then().statusCode(201);
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------
    // What the stored record gives away to someone holding a backup but not the service's secret
    // ---------------------------------------------------------------------------------------------

    @Test
    void aRecordCannotBeFoundFromTheClientKeyAlone() {
        // A key as guessable as kiosks used to make them: kiosk, date, sequence.
        String key = "kiosk-7-20261125-" + System.nanoTime();
        post(key, uniqueWish()).then().statusCode(201);

        Set<String> stored = Set.copyOf(keyHashes());
        assertThat(stored).as("the record is there, under the service's own derivation")
                .contains(keys.parse(KIOSK_SUBJECT, key).orElseThrow().lookupHash());
        for (String material : guessableMaterial(key)) {
            assertThat(stored).as("no record is keyed by SHA-256 of " + material.replace("\u0000", "\\0"))
                    .doesNotContain(sha256Hex(material));
        }
    }

    @Test
    void aStoredAnswerCannotBeDecryptedFromTheClientKeyAlone() throws Exception {
        String key = "kiosk-7-20261125-" + System.nanoTime();
        String receiptCode = post(key, uniqueWish()).then().statusCode(201).extract().path("receiptCode");
        String lookupHash = keys.parse(KIOSK_SUBJECT, key).orElseThrow().lookupHash();
        String response = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT response FROM idempotency_record WHERE key_hash = :hash")
                .setParameter("hash", lookupHash).getSingleResult());

        assertThat(response).doesNotContain(receiptCode);
        assertThat(new String(Base64.getDecoder().decode(response), StandardCharsets.ISO_8859_1)).doesNotContain(receiptCode);
        for (String material : guessableMaterial(key)) {
            byte[] guessedKey = sha256(material);
            assertThatThrownBy(() -> decrypt(response, guessedKey, null))
                    .as("decrypting with SHA-256 of " + material.replace("\u0000", "\\0"))
                    .isInstanceOf(AEADBadTagException.class);
            assertThatThrownBy(() -> decrypt(response, guessedKey, lookupHash))
                    .isInstanceOf(AEADBadTagException.class);
        }
        // The same attempt opens an answer stored the way it was before the secret (so it is a real attempt),
        // and the service itself still opens this one.
        byte[] oldKey = sha256("mitreden/idempotency/encryption\u0000" + KIOSK_SUBJECT + "\u0000" + key);
        assertThat(decrypt(encryptTheOldWay("{\"receiptCode\": \"" + receiptCode + "\"}", oldKey), oldKey, null))
                .contains(receiptCode);
        assertThat(keys.parse(KIOSK_SUBJECT, key).orElseThrow().decrypt(response)).contains(receiptCode);
    }

    @Test
    void recordsCarryADateOnlyAndExpireTheDayAfterTomorrow() {
        String key = "date-only-" + UUID.randomUUID();
        LocalDate before = LocalDate.now(BERLIN);
        post(key, uniqueWish()).then().statusCode(201);
        LocalDate after = LocalDate.now(BERLIN);
        String lookupHash = keys.parse(KIOSK_SUBJECT, key).orElseThrow().lookupHash();

        Object expiresOn = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT expires_on FROM idempotency_record WHERE key_hash = :hash")
                .setParameter("hash", lookupHash).getSingleResult());
        assertThat(LocalDate.parse(expiresOn.toString())).as("the day after tomorrow in mitreden.time-zone")
                .isBetween(before.plusDays(2), after.plusDays(2));

        @SuppressWarnings("unchecked")
        List<Object[]> columns = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = 'idempotency_record'")
                .getResultList());
        assertThat(columns).extracting(c -> c[1] + " " + c[2]).containsExactlyInAnyOrder(
                "key_hash character varying", "request_hash character varying", "response character varying",
                "expires_on date");
    }

    /**
     * API.md, anonymity invariant 1: no table holds a time of day, except the audit of staff (who are
     * accountable for what they look at) and Flyway's own record of when each migration ran.
     */
    @Test
    void noTableButTheAuditOfStaffHoldsATimeOfDay() {
        @SuppressWarnings("unchecked")
        List<Object[]> columns = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT table_name, column_name, data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema()"
                        + " AND (data_type LIKE 'time%' OR data_type = 'interval' OR data_type LIKE 'abstime%')")
                .getResultList());
        assertThat(columns).extracting(c -> c[0] + "." + c[1] + " " + c[2])
                .allMatch(column -> column.startsWith("audit_event.") || column.startsWith("flyway_schema_history."));
        assertThat(columns).extracting(c -> (String) c[0]).doesNotContain("idempotency_record", "wish", "wish_count");
    }

    @Test
    void anExpiredRecordIsNotReplayedButReplacedAndPurged() {
        String key = "expiring-" + UUID.randomUUID();
        Map<String, Object> wish = uniqueWish();
        String firstId = post(key, wish).then().statusCode(201).extract().path("id");
        String lookupHash = keys.parse(KIOSK_SUBJECT, key).orElseThrow().lookupHash();
        LocalDate today = LocalDate.now(BERLIN);
        setExpiry(lookupHash, today);

        String secondId = post(key, wish).then().statusCode(201).extract().path("id");
        assertThat(secondId).as("expired: stored anew, not replayed").isNotEqualTo(firstId);
        assertThat(wishesWithText((String) wish.get("text"))).isEqualTo(2);

        String keptKey = "kept-" + UUID.randomUUID();
        post(keptKey, uniqueWish()).then().statusCode(201);
        String keptHash = keys.parse(KIOSK_SUBJECT, keptKey).orElseThrow().lookupHash();
        setExpiry(lookupHash, today);
        setExpiry(keptHash, today.plusDays(2));

        service.purgeExpiredIdempotencyRecords();
        assertThat(keyHashes()).doesNotContain(lookupHash).contains(keptHash);
    }

    private void setExpiry(String lookupHash, LocalDate expiresOn) {
        int updated = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("UPDATE idempotency_record SET expires_on = :day WHERE key_hash = :hash")
                .setParameter("day", expiresOn).setParameter("hash", lookupHash).executeUpdate());
        assertThat(updated).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private List<String> keyHashes() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT key_hash FROM idempotency_record").getResultList());
    }

    /** What a plain hash could have been made of: the key with or without its caller, as the service once did. */
    private static List<String> guessableMaterial(String key) {
        return List.of(key, KIOSK_SUBJECT + key, KIOSK_SUBJECT + "\u0000" + key,
                "mitreden/idempotency/lookup\u0000" + KIOSK_SUBJECT + "\u0000" + key,
                "mitreden/idempotency/encryption\u0000" + KIOSK_SUBJECT + "\u0000" + key,
                "mitreden/idempotency/lookup\u0000\u0000" + key);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** AES-GCM over Base64(IV | ciphertext), as the service stores answers. */
    private static String decrypt(String stored, byte[] key, String aad) throws GeneralSecurityException {
        byte[] bytes = Base64.getDecoder().decode(stored);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, bytes, 0, 12));
        if (aad != null) {
            cipher.updateAAD(aad.getBytes(StandardCharsets.US_ASCII));
        }
        return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
    }

    private static String encryptTheOldWay(String plaintext, byte[] key) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[12 + ciphertext.length];
        System.arraycopy(ciphertext, 0, stored, 12, ciphertext.length);
        return Base64.getEncoder().encodeToString(stored);
    }
}
