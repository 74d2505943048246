package org.mitreden.core;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token once, not on every request. A kiosk sends the same token with every submission,
 * and checking its signature and claims again each time was 8 % of the CPU a submission costs
 * (bench/RESULTS.md). Only tokens that passed verification are remembered, under their whole compact form,
 * signature included: a token that differs in one byte is verified from scratch, and a rejected one is never
 * remembered. A remembered token is verified again once it expires, and at the latest after
 * {@link #REVERIFY_AFTER}: that much is added to the time a key withdrawn by the identity provider keeps
 * counting (SmallRye JWT keeps the key set it fetched until its own refresh).
 */
@Decorator
@Priority(1)
public class VerifiedTokens implements JWTParser {

    static final Duration REVERIFY_AFTER = Duration.ofMinutes(5);

    /**
     * More tokens than the kiosks and systems of a large installation use at once (staff call far less
     * often), and at a few kilobytes each (claims and compact form) at most some megabytes of heap; past it,
     * everything is forgotten and verified afresh.
     */
    static final int MAX_REMEMBERED = 2_000;

    private record Verified(JsonWebToken token, long until) {
    }

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens() {
        this.clock = Clock.systemUTC();
    }

    /** For tests: a parser to decorate and the clock that decides expiry. */
    VerifiedTokens(JWTParser delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        long now = clock.millis();
        Verified known = verified.get(bearerToken);
        if (known != null) {
            if (now < known.until()) {
                return known.token();
            }
            verified.remove(bearerToken, known);
        }
        JsonWebToken token = delegate.parse(bearerToken);
        long until = now + REVERIFY_AFTER.toMillis();
        if (token.getExpirationTime() > 0) {
            until = Math.min(until, token.getExpirationTime() * 1000);
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(bearerToken, new Verified(token, until));
        return token;
    }

    // Everything else is verified on every call, as before: nothing here calls it per request.

    @Override
    public JsonWebToken parse(String bearerToken, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(bearerToken, context);
    }

    @Override
    public JsonWebToken verify(String bearerToken, PublicKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, SecretKey key) throws ParseException {
        return delegate.verify(bearerToken, key);
    }

    @Override
    public JsonWebToken verify(String bearerToken, String secret) throws ParseException {
        return delegate.verify(bearerToken, secret);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, PrivateKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, SecretKey key) throws ParseException {
        return delegate.decrypt(bearerToken, key);
    }

    @Override
    public JsonWebToken decrypt(String bearerToken, String secret) throws ParseException {
        return delegate.decrypt(bearerToken, secret);
    }

    @Override
    public JsonWebToken parseOnly(String bearerToken) throws ParseException {
        return delegate.parseOnly(bearerToken);
    }
}
