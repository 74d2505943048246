package org.mitreden.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/** What a remembered verification may skip, and when it must not. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

    /** A parser that counts what it is asked, accepts tokens named "ok-<expiry in epoch seconds>", rejects others. */
    private static final class CountingParser {
        final List<String> asked = new ArrayList<>();

        JsonWebToken parse(String token) throws ParseException {
            asked.add(token);
            if (!token.startsWith("ok-")) {
                throw new ParseException("rejected");
            }
            long expiry = Long.parseLong(token.substring(3));
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @SuppressWarnings("unchecked")
                @Override
                public <T> T getClaim(String claim) {
                    return "exp".equals(claim) ? (T) Long.valueOf(expiry) : null;
                }
            };
        }

        /** As a {@link JWTParser} that knows {@code parse(String)} only: nothing else may be asked. */
        JWTParser asParser() {
            return (JWTParser) Proxy.newProxyInstance(JWTParser.class.getClassLoader(), new Class<?>[] { JWTParser.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("parse") && args.length == 1) {
                            return parse((String) args[0]);
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private final CountingParser parser = new CountingParser();
    private final MovableClock clock = new MovableClock();
    private final VerifiedTokens tokens = new VerifiedTokens(parser.asParser(), clock);

    private static String validFor(Duration lifetime) {
        return "ok-" + START.plus(lifetime).getEpochSecond();
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        String token = validFor(Duration.ofHours(1));
        JsonWebToken first = tokens.parse(token);
        clock.now = START.plusSeconds(60);
        assertSame(first, tokens.parse(token));
        assertEquals(List.of(token), parser.asked);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndItsRejectionStands() throws Exception {
        String token = validFor(Duration.ofSeconds(30));
        tokens.parse(token);
        clock.now = START.plusSeconds(30);
        tokens.parse(token);
        assertEquals(2, parser.asked.size(), "verified again at its expiry");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterFiveMinutes() throws Exception {
        String token = validFor(Duration.ofDays(1));
        tokens.parse(token);
        clock.now = START.plus(VerifiedTokens.REVERIFY_AFTER).minusMillis(1);
        tokens.parse(token);
        assertEquals(1, parser.asked.size());
        clock.now = START.plus(VerifiedTokens.REVERIFY_AFTER);
        tokens.parse(token);
        assertEquals(2, parser.asked.size());
    }

    @Test
    void aRejectedTokenIsNeverRemembered() {
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(List.of("forged", "forged"), parser.asked);
    }

    @Test
    void pastTheBoundEverythingIsVerifiedAfresh() throws Exception {
        String first = validFor(Duration.ofHours(1));
        tokens.parse(first);
        for (int i = 1; i < VerifiedTokens.MAX_REMEMBERED; i++) {
            tokens.parse("ok-" + (START.getEpochSecond() + 3600 + i));
        }
        tokens.parse(first);
        assertEquals(VerifiedTokens.MAX_REMEMBERED, parser.asked.size(), "all still remembered at the bound");
        tokens.parse("ok-" + (START.getEpochSecond() + 3600 + VerifiedTokens.MAX_REMEMBERED));
        tokens.parse(first);
        assertEquals(VerifiedTokens.MAX_REMEMBERED + 2, parser.asked.size(), "forgotten once the bound was passed");
    }
}
