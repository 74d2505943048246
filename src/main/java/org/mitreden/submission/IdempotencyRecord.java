package org.mitreden.submission;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The first answer to a submission with an Idempotency-Key, kept for retries. Everything in it is
 * either a hash or encrypted under the client's key (see {@link IdempotencyKey}), so the table cannot be
 * joined to the wish table by anyone who lacks the key.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "request_hash")
    public String requestHash;

    /** Base64 of IV and AES-GCM ciphertext of the first answer. */
    public String response;

    /** Rounded up to the full hour, so it tells nothing finer than the hour of the first call. */
    @Column(name = "expires_at")
    public LocalDateTime expiresAt;

    public static long deleteExpired(LocalDateTime now) {
        return delete("expiresAt < ?1", now);
    }
}
