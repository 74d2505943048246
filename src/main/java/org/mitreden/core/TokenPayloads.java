package org.mitreden.core;

import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The claims the service reads from a verified token's signed payload itself, decoded once per token rather
 * than on every request. A kiosk or a staff dashboard sends the same token again and again; decoding its
 * payload for the roles, and asking SmallRye JWT for the jobcenter claim (it throws and catches an exception
 * for every claim name it does not know: 3 % of a statistics read's CPU alone, bench/RESULTS.md), cost on
 * every request what one decoding answers for the token's lifetime. Remembered under the whole compact form,
 * as {@link VerifiedTokens} remembers the verification, and all forgotten once there are as many as it keeps.
 */
@ApplicationScoped
public class TokenPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a token's payload says that the service decides on. */
    public record Payload(Set<String> groups, Map<String, String> texts) {

        static final Payload NONE = new Payload(Set.of(), Map.of());

        /** A claim whose value is a JSON string; empty for a missing claim or any other JSON value. */
        public Optional<String> text(String claim) {
            return Optional.ofNullable(texts.get(claim));
        }
    }

    private final Map<String, Payload> decoded = new ConcurrentHashMap<>();

    /** The payload of a token that has passed verification (the principal of an authenticated request). */
    public Payload of(JsonWebToken token) {
        String raw = token.getRawToken();
        if (raw == null) {
            return Payload.NONE;
        }
        Payload known = decoded.get(raw);
        if (known != null) {
            return known;
        }
        Payload payload = decode(raw);
        if (decoded.size() >= VerifiedTokens.MAX_REMEMBERED) {
            decoded.clear();
        }
        decoded.put(raw, payload);
        return payload;
    }

    /**
     * Groups count only as a JSON array of strings: SmallRye JWT splits a string claim on spaces, so
     * {@code "kiosk admin"} would grant admin to a token whose issuer meant one odd group name.
     */
    static Payload decode(String compact) {
        try {
            String[] parts = compact.split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                return Payload.NONE;
            }
            Map<String, String> texts = new HashMap<>();
            claims.fields().forEachRemaining(claim -> {
                if (claim.getValue().isTextual()) {
                    texts.put(claim.getKey(), claim.getValue().textValue());
                }
            });
            return new Payload(groups(claims.get("groups")), Map.copyOf(texts));
        } catch (IOException | RuntimeException e) {
            // Not a signed JWT in compact form (nothing else is configured): nothing rather than a guess.
            return Payload.NONE;
        }
    }

    private static Set<String> groups(JsonNode groups) {
        if (groups == null || !groups.isArray()) {
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        for (JsonNode role : groups) {
            if (!role.isTextual()) {
                return Set.of();
            }
            roles.add(role.textValue());
        }
        return Set.copyOf(roles);
    }
}
