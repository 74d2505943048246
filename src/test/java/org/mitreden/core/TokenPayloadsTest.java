package org.mitreden.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** What the service reads from a token's payload: role names only from an array of strings, string claims as they are. */
class TokenPayloadsTest {

    private static String compact(String payloadJson) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void rolesComeOnlyFromAnArrayOfStrings() {
        assertThat(TokenPayloads.decode(compact("{\"groups\":[\"staff\",\"kiosk\"]}")).groups())
                .containsExactlyInAnyOrder("staff", "kiosk");
        assertThat(TokenPayloads.decode(compact("{\"groups\":\"kiosk admin\"}")).groups()).isEmpty();
        assertThat(TokenPayloads.decode(compact("{\"groups\":[\"admin\",5]}")).groups()).isEmpty();
        assertThat(TokenPayloads.decode(compact("{\"sub\":\"x\"}")).groups()).isEmpty();
    }

    @Test
    void aClaimCountsAsTextOnlyWhenItIsAJsonString() {
        TokenPayloads.Payload payload = TokenPayloads.decode(
                compact("{\"jobcenter\":\"hamm\",\"number\":7,\"list\":[\"hamm\"],\"object\":{\"code\":\"hamm\"}}"));
        assertThat(payload.text("jobcenter")).contains("hamm");
        assertThat(payload.text("number")).isEmpty();
        assertThat(payload.text("list")).isEmpty();
        assertThat(payload.text("object")).isEmpty();
        assertThat(payload.text("missing")).isEmpty();
    }

    @Test
    void whatIsNoCompactJwtCarriesNothing() {
        for (String notOne : new String[] { "", "abc", "a.%%%.c", compact("[1,2]"), compact("\"text\""), compact("{") }) {
            assertThat(TokenPayloads.decode(notOne)).as(notOne).isEqualTo(TokenPayloads.Payload.NONE);
        }
    }

    @Test
    void aTokenIsDecodedOnceAndAnotherOneOnItsOwn() {
        TokenPayloads payloads = new TokenPayloads();
        JsonWebToken staff = token(compact("{\"groups\":[\"staff\"],\"jobcenter\":\"hamm\"}"));
        JsonWebToken admin = token(compact("{\"groups\":[\"admin\"],\"jobcenter\":\"unna\"}"));
        TokenPayloads.Payload first = payloads.of(staff);
        assertThat(payloads.of(staff)).isSameAs(first);
        assertThat(payloads.of(admin).groups()).isEqualTo(Set.of("admin"));
        assertThat(payloads.of(admin).text("jobcenter")).contains("unna");
        assertThat(payloads.of(staff).text("jobcenter")).contains("hamm");
    }

    @Test
    void pastTheLimitEverythingIsForgottenAndDecodedAfresh() {
        TokenPayloads payloads = new TokenPayloads();
        JsonWebToken first = token(compact("{\"groups\":[\"staff\"],\"n\":\"first\"}"));
        TokenPayloads.Payload remembered = payloads.of(first);
        for (int i = 0; i < VerifiedTokens.MAX_REMEMBERED; i++) {
            payloads.of(token(compact("{\"n\":\"" + i + "\"}")));
        }
        TokenPayloads.Payload again = payloads.of(first);
        assertThat(again).isNotSameAs(remembered).isEqualTo(remembered);
    }

    /** A token as the service's principal carries it: the compact form under its raw_token claim. */
    private static JsonWebToken token(String compact) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("raw_token");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "raw_token".equals(claimName) ? (T) compact : null;
            }
        };
    }
}
