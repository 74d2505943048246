package org.mitreden.wish;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mitreden.anonymity.Period;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An anonymous wish. It holds nothing that could lead back to its author: the text is scrubbed
 * before it gets here, the date is coarsened, the id is random and the receipt code only hashed.
 * Only {@link Wishes} stores, releases, changes and deletes wishes, so that counts and what staff may see
 * stay in step with them.
 */
@Entity
@Table(name = "wish")
public class Wish extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The jobcenter whose kiosk or system took the wish; only its staff ever see it. */
    public String jobcenter;

    @Column(name = "target_group")
    public String targetGroup;

    public String topic;

    public String language;

    public String text;

    @Enumerated(EnumType.STRING)
    public WishStatus status;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    public String response;

    @Column(name = "responded_on")
    public LocalDate respondedOn;

    @Column(name = "receipt_hash")
    public String receiptHash;

    /**
     * Submitted with a token that may also read released wishes or their counts: released with its class, never
     * counted towards its k ({@link Wishes#release}), so that a reader cannot make a class of one client's wish
     * and their own.
     */
    @Column(name = "submitted_by_reader")
    public boolean submittedByReader;

    /** The period staff see this wish in; null while it is sealed. Set only by a release run. */
    @Enumerated(EnumType.STRING)
    @Column(name = "shown_level")
    public Period shownLevel;

    /** First day of the shown period; null while sealed. */
    @Column(name = "shown_on")
    public LocalDate shownOn;

    /** Last day of the shown period; null while sealed. */
    @Column(name = "shown_until")
    public LocalDate shownUntil;

    @Version
    public int version;

    public boolean isReleased() {
        return shownLevel != null;
    }

    /** The shown period as staff read it ({@code 2026-W48}); null while sealed. */
    public String submittedIn() {
        return shownLevel == null ? null : shownLevel.label(shownOn);
    }

    public static Optional<Wish> findByReceiptHash(String receiptHash) {
        return find("receiptHash", receiptHash).firstResultOptional();
    }
}
