package org.mitreden.jobcenter;

import static org.mitreden.jobcenter.TestJobcenters.kiosk;
import static org.mitreden.jobcenter.TestJobcenters.submitWithKey;
import static org.mitreden.TestWishes.newTargetGroup;
import static org.mitreden.TestWishes.newTopic;
import static org.mitreden.TestWishes.wish;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

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

    @Test
    void kioskTokensWithOneSubjectInTwoJobcentersHaveTheirOwnRateLimit() {
        String a = TestJobcenters.create();
        String b = TestJobcenters.create();
        String subject = "kiosk-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            submitWithKey(kiosk(a, subject), "limit-" + UUID.randomUUID(), wish(newTargetGroup(), newTopic(), "de", "Wunsch " + i))
                    .then().statusCode(201);
        }
        submitWithKey(kiosk(a, subject), "limit-" + UUID.randomUUID(), wish(newTargetGroup(), newTopic(), "de", "Einer zu viel"))
                .then().statusCode(429);
        submitWithKey(kiosk(b, subject), "limit-" + UUID.randomUUID(), wish(newTargetGroup(), newTopic(), "de", "Anderes Jobcenter"))
                .then().statusCode(201);
    }
}
