package org.mitreden.jobcenter;

import static io.restassured.RestAssured.given;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.wish;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mitreden.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * A kiosk token's submission limit is kept per jobcenter: kiosks of two jobcenters whose tokens carry the same
 * subject (the identity provider's names need not be unique across jobcenters) never share a limit.
 */
@QuarkusTest
@TestProfile(JobcenterRateLimitTest.LowLimits.class)
class JobcenterRateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mitreden.jobcenters.multiple", "true", "mitreden.rate-limit.submissions-per-minute", "3");
        }
    }

    private static String a;
    private static String b;

    /** Once per class; not in a static @BeforeAll, where REST Assured does not yet know this profile's port. */
    @BeforeEach
    void twoJobcenters() {
        if (a == null) {
            a = TestJobcenters.create();
            b = TestJobcenters.create();
        }
    }

    /** A kiosk token of the jobcenter with the given subject: subjects are the identity provider's, not unique. */
    private static String kiosk(String jobcenter, String subject) {
        return Jwt.issuer(TestTokens.ISSUER).upn(subject).groups(Set.of("kiosk")).claim("jobcenter", jobcenter).sign();
    }

    private static Response submit(String token, String key, Map<String, Object> body) {
        return (token == null ? given() : given().auth().oauth2(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).when().post("/api/v1/wishes");
    }

    @Test
    void kioskTokensWithOneSubjectInTwoJobcentersHaveTheirOwnRateLimit() {
        String subject = "kiosk-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            submit(kiosk(a, subject), "limit-" + UUID.randomUUID(), wish(newTargetGroup(), newTopic(), "de", "Wunsch " + i))
                    .then().statusCode(201);
        }
        submit(kiosk(a, subject), "limit-" + UUID.randomUUID(), wish(newTargetGroup(), newTopic(), "de", "Einer zu viel"))
                .then().statusCode(429);
        submit(kiosk(b, subject), "limit-" + UUID.randomUUID(), wish(newTargetGroup(), newTopic(), "de", "Anderes Jobcenter"))
                .then().statusCode(201);
    }
}
