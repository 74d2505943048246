package org.mitreden.submission;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The first answer to a submission with an Idempotency-Key, kept for retries. Everything in it is
 * either a keyed hash or encrypted under a key derived from the client's key and the service's secret
 * (see {@link IdempotencyKeys}), so the table cannot be joined to the wish table by anyone who lacks
 * them. It keeps a date, never a time of day: days are those of {@code mitreden.time-zone}.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** Kept until the day after tomorrow: a retry is replayed for at least 24 hours, at most 48. */
    static final int KEPT_DAYS = 2;

    @Id
    @Column(name = "key_hash")
    public String keyHash;

    @Column(name = "request_hash")
    public String requestHash;

    /** Base64 of IV and AES-GCM ciphertext of the first answer. */
    public String response;

    /** The first day on which the record no longer counts. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** The expiry of a record written today. */
    static LocalDate expiryFor(ZoneId zone) {
        return today(zone).plusDays(KEPT_DAYS);
    }

    boolean expired(ZoneId zone) {
        return !expiresOn.isAfter(today(zone));
    }

    static long deleteExpired(ZoneId zone) {
        return delete("expiresOn <= ?1", today(zone));
    }

    private static LocalDate today(ZoneId zone) {
        return ZonedDateTime.now(zone).toLocalDate();
    }
}
