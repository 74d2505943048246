package org.mitreden.submission;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.mitreden.anonymity.ScrubResult;
import org.mitreden.anonymity.TextScrubber;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.FreeText;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.Violation;
import org.mitreden.receipt.ReceiptCode;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishStatus;
import org.mitreden.wish.Wishes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Stores anonymous wishes. A wish and its idempotency record are written in one transaction, so a
 * failure leaves nothing behind and a retry finds either everything or nothing.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    @Inject
    TextScrubber scrubber;

    @Inject
    MitredenConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Wishes wishes;

    /** Keys whose first call is running in this instance; a concurrent retry gets 409 at once. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * Stores a wish, or answers as the first call with the same idempotency key did.
     *
     * @param byReader whether the caller may also read released wishes or their counts: its wish then never
     *        counts towards a class's k
     */
    public SubmissionOutcome submit(WishDraft draft, Optional<IdempotencyKey> idempotencyKey, boolean byReader) {
        if (idempotencyKey.isEmpty()) {
            ScrubResult scrubbed = scrub(draft);
            // The wish is then the only row written, one INSERT that commits alone: no transaction around it.
            return new SubmissionOutcome(store(draft, scrubbed, byReader, null, null), false);
        }
        IdempotencyKey key = idempotencyKey.get();
        if (!inFlight.add(key.lookupHash())) {
            throw ApiProblem.of(ProblemKind.IN_FLIGHT).withHeader("Retry-After", "1");
        }
        try {
            String requestHash = key.requestHash(draft.canonical());
            Optional<SubmittedWish> earlier = QuarkusTransaction.requiringNew().call(() -> replay(key, requestHash));
            if (earlier.isPresent()) {
                return new SubmissionOutcome(earlier.get(), true);
            }
            // Scrubbing is the costly step; a retry that is replayed, refused or in flight never needs it.
            ScrubResult scrubbed = scrub(draft);
            try {
                return new SubmissionOutcome(
                        QuarkusTransaction.requiringNew().call(() -> store(draft, scrubbed, byReader, key, requestHash)), false);
            } catch (RuntimeException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                // Another instance stored the same key first: answer as it did.
                return QuarkusTransaction.requiringNew().call(() -> replay(key, requestHash))
                        .map(wish -> new SubmissionOutcome(wish, true))
                        .orElseThrow(() -> ApiProblem.of(ProblemKind.IN_FLIGHT).withHeader("Retry-After", "1"));
            }
        } finally {
            inFlight.remove(key.lookupHash());
        }
    }

    private Optional<SubmittedWish> replay(IdempotencyKey key, String requestHash) {
        IdempotencyRecord record = IdempotencyRecord.findById(key.lookupHash());
        if (record == null || record.expired(config.timeZone())) {
            return Optional.empty();
        }
        if (!record.requestHash.equals(requestHash)) {
            throw ApiProblem.of(ProblemKind.IDEMPOTENCY_KEY_REUSED);
        }
        try {
            return Optional.of(json.readValue(key.decrypt(record.response), SubmittedWish.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent answer is unreadable", e);
        }
    }

    /** Scrubs the text, refusing one that its markers would make too long to store. */
    private ScrubResult scrub(WishDraft draft) {
        ScrubResult scrubbed = scrubber.scrub(draft.text());
        if (!FreeText.fitsStorage(scrubbed.text())) {
            throw ApiProblem.invalid(List.of(new Violation("text", "violation.text-too-long-scrubbed")));
        }
        return scrubbed;
    }

    private SubmittedWish store(WishDraft draft, ScrubResult scrubbed, boolean byReader, IdempotencyKey key, String requestHash) {
        String receiptCode = ReceiptCode.generate();
        Wish wish = new Wish();
        wish.id = UUID.randomUUID();
        wish.jobcenter = draft.jobcenter();
        wish.targetGroup = draft.targetGroup();
        wish.topic = draft.topic();
        wish.language = draft.language();
        wish.text = scrubbed.text();
        wish.status = WishStatus.NEW;
        wish.submittedOn = submissionDate(draft.collectedOn());
        wish.receiptHash = ReceiptCode.hash(receiptCode).orElseThrow();
        wish.submittedByReader = byReader;
        wishes.add(wish);

        List<Redaction> redactions = scrubbed.redactions().entrySet().stream()
                .map(entry -> new Redaction(entry.getKey(), entry.getValue()))
                .toList();
        SubmittedWish answer = new SubmittedWish(wish.id, receiptCode, wish.status, wish.submittedOn, redactions);

        if (key != null) {
            // An expired record under the same key is replaced, not replayed.
            IdempotencyRecord.delete("keyHash = ?1", key.lookupHash());
            IdempotencyRecord record = new IdempotencyRecord();
            record.keyHash = key.lookupHash();
            record.requestHash = requestHash;
            record.response = key.encrypt(toJson(answer));
            record.expiresOn = IdempotencyRecord.expiryFor(config.timeZone());
            // Flushed here, so that a key stored meanwhile by another instance fails this call, not its commit.
            record.persistAndFlush();
        }
        return answer;
    }

    /**
     * Today in the jobcenter's time zone, or the day a system says the wish was collected, coarsened so the
     * date cannot single out a visit.
     */
    LocalDate submissionDate(LocalDate collectedOn) {
        LocalDate day = collectedOn != null ? collectedOn : ZonedDateTime.now(config.timeZone()).toLocalDate();
        return config.anonymity().dateGranularity().coarsen(day);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredIdempotencyRecords() {
        long purged = QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.deleteExpired(config.timeZone()));
        LOG.debugf("Purged %d expired idempotency records", purged);
    }

    private String toJson(SubmittedWish answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Only a unique key: any other constraint failing is a bug, not a concurrent retry.
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
