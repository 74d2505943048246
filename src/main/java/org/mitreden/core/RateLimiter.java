package org.mitreden.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Token buckets per client, in memory only. A client is known only by a keyed hash of its address
 * or token subject under a random salt that is replaced regularly and never written anywhere;
 * replacing the salt also forgets every bucket, so nothing about a client outlives one rotation.
 */
@ApplicationScoped
public class RateLimiter {

    /** Above this many clients the buckets are dropped rather than let memory grow without bound. */
    private static final int MAX_CLIENTS = 200_000;

    public enum Action {
        SUBMISSION,
        RECEIPT_LOOKUP
    }

    @Inject
    MitredenConfig config;

    @Inject
    MeterRegistry meterRegistry;

    private final SecureRandom random = new SecureRandom();
    private volatile Generation generation;

    private record Generation(SecretKeySpec salt, long startedAtNanos, ConcurrentMap<String, Bucket> buckets) {
    }

    @PostConstruct
    void init() {
        generation = newGeneration(System.nanoTime());
    }

    /** Takes one token for this client and action, or answers 429 with Retry-After. */
    public void acquire(Action action, String client) {
        if (!config.rateLimit().enabled()) {
            return;
        }
        int perMinute = switch (action) {
            case SUBMISSION -> config.rateLimit().submissionsPerMinute();
            case RECEIPT_LOOKUP -> config.rateLimit().receiptLookupsPerMinute();
        };
        long now = System.nanoTime();
        Generation current = currentGeneration(now);
        Bucket bucket = current.buckets().computeIfAbsent(action.name() + ':' + keyedHash(current.salt(), client),
                key -> new Bucket(perMinute, now));
        long waitSeconds = bucket.tryTake(perMinute, now);
        if (waitSeconds > 0) {
            meterRegistry.counter("mitreden.rate.limited", "action", action.name().toLowerCase()).increment();
            throw ApiProblem.of(ProblemKind.TOO_MANY_REQUESTS).withHeader("Retry-After", Long.toString(waitSeconds));
        }
    }

    private Generation currentGeneration(long now) {
        Generation current = generation;
        if (now - current.startedAtNanos() >= config.rateLimit().saltRotation().toNanos()
                || current.buckets().size() > MAX_CLIENTS) {
            synchronized (this) {
                current = generation;
                if (now - current.startedAtNanos() >= config.rateLimit().saltRotation().toNanos()
                        || current.buckets().size() > MAX_CLIENTS) {
                    current = newGeneration(now);
                    generation = current;
                }
            }
        }
        return current;
    }

    private Generation newGeneration(long now) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        return new Generation(new SecretKeySpec(salt, "HmacSHA256"), now, new ConcurrentHashMap<>());
    }

    private static String keyedHash(SecretKeySpec salt, String client) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(client.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refills continuously at perMinute tokens a minute, up to perMinute tokens. */
    private static final class Bucket {
        private double tokens;
        private long refilledAtNanos;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAtNanos = now;
        }

        /** @return 0 when a token was taken, else the whole seconds until one is available */
        synchronized long tryTake(int perMinute, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - refilledAtNanos) * perNano);
            refilledAtNanos = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
