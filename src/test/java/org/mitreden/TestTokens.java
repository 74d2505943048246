package org.mitreden;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Real signed tokens for tests, and the broken ones an attacker or a stale kiosk would send. */
public final class TestTokens {

    public static final String ISSUER = "https://idp.test.mitreden";

    private TestTokens() {
    }

    /** A valid token from the test identity provider with the given roles. */
    public static String withRoles(String... roles) {
        return Jwt.issuer(ISSUER).upn("test-" + String.join("-", roles)).groups(Set.of(roles)).sign();
    }

    /** A valid token of a jobcenter's member of staff, kiosk or system: its jobcenter claim names the jobcenter. */
    public static String forJobcenter(String jobcenter, String... roles) {
        return Jwt.issuer(ISSUER).upn("test-" + jobcenter + "-" + String.join("-", roles)).groups(Set.of(roles))
                .claim("jobcenter", jobcenter).sign();
    }

    /**
     * A valid token whose {@code groups} claim is exactly the given value: a space-separated string, say,
     * or an array holding something other than role names.
     */
    public static String withGroupsClaim(Object groups) {
        return Jwt.issuer(ISSUER).upn("test-groups-claim").claim("groups", groups).sign();
    }

    public static String expired(String role) {
        return Jwt.issuer(ISSUER).upn("expired").groups(Set.of(role))
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign();
    }

    public static String signedByAnotherKey(String role) {
        return Jwt.issuer(ISSUER).upn("forged").groups(Set.of(role)).sign(otherKey());
    }

    public static String fromAnotherIssuer(String role) {
        return Jwt.issuer("https://evil.example").upn("stranger").groups(Set.of(role)).sign();
    }

    /** An unsigned token ({@code alg: none}) claiming the role. */
    public static String unsigned(String role) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"upn\":\"none\",\"groups\":[\"" + role
                + "\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static PrivateKey otherKey() {
        try (var in = TestTokens.class.getResourceAsStream("/otherPrivateKey.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
