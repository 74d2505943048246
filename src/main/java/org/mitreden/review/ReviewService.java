package org.mitreden.review;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.mitreden.core.ApiProblem;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;
import org.mitreden.stats.WishCounts;
import org.mitreden.submission.scrub.TextScrubber;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishStatus;


/** What working groups do with wishes: read, answer, change status, and (admins) delete. */
@ApplicationScoped
public class ReviewService {

    @Inject
    WishCounts counts;

    @Inject
    EntityManager entityManager;

    @Inject
    TextScrubber scrubber;

    @Inject
    MitredenConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public WishPage list(WishFilter filter, int page, int size, WishSort sort) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(where, parameters);

        Query select = entityManager.createNativeQuery("SELECT * FROM wish" + where + " ORDER BY " + sort.orderBy()
                + " LIMIT :limit OFFSET :offset", Wish.class);
        parameters.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<WishView> items = ((List<Wish>) select.getResultList()).stream().map(WishView::of).toList();

        // Without a text search the total comes from the counts kept per cell, not from counting rows.
        // A text search has to count its matches row by row; it stops at MAX_COUNTED_MATCHES, because
        // counting a common word among millions of wishes takes seconds and tells a reader nothing more
        // than "very many".
        long totalItems;
        boolean exact = true;
        if (filter.words().isEmpty()) {
            totalItems = countLive(filter);
        } else {
            Query count = entityManager.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM wish" + where
                    + " LIMIT " + (MAX_COUNTED_MATCHES + 1) + ") AS matches");
            parameters.forEach(count::setParameter);
            totalItems = ((Number) count.getSingleResult()).longValue();
            if (totalItems > MAX_COUNTED_MATCHES) {
                totalItems = MAX_COUNTED_MATCHES;
                exact = false;
            }
        }
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new WishPage(items, page, size, totalItems, totalPages, exact);
    }

    private long countLive(WishFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(live), 0) FROM wish_count WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(sql, parameters);
        Query count = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WishView> find(UUID id) {
        return Wish.<Wish> findByIdOptional(id).map(WishView::of);
    }

    /** A text search counts at most this many matches (see {@link WishPage#totalItemsExact()}). */
    public static final int MAX_COUNTED_MATCHES = 10_000;

    /** If-Match: * matches whatever version is current. */
    static final int ANY_VERSION = -1;
    /** An If-Match we never issued matches nothing. */
    static final int NO_VERSION = -2;

    /**
     * Applies a change if the caller saw the current version.
     *
     * @param expectedVersion the version from If-Match; empty when the header is missing
     */
    @Transactional
    public WishView change(UUID id, Optional<Integer> expectedVersion, WishChange change) {
        Wish wish = Wish.<Wish> findByIdOptional(id).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
        int expected = expectedVersion.orElseThrow(() -> ApiProblem.of(ProblemKind.PRECONDITION_REQUIRED));
        if (expected != ANY_VERSION && expected != wish.version) {
            throw ApiProblem.of(ProblemKind.PRECONDITION_FAILED);
        }
        WishStatus before = wish.status;
        change.status().ifPresent(status -> wish.status = status);
        change.response().ifPresent(response -> {
            // The public answer is free text like the wish: nothing personal may be stored in it either.
            wish.response = response.map(text -> scrubber.scrub(text).text()).orElse(null);
            wish.respondedOn = response.isPresent() ? today() : null;
        });
        counts.statusChanged(wish, before);
        try {
            Wish.flush();
        } catch (OptimisticLockException e) {
            // Someone else saved between our read and our write.
            throw ApiProblem.of(ProblemKind.PRECONDITION_FAILED);
        }
        return WishView.of(wish);
    }

    /** Deletes a wish and takes it out of the statistics, as if it had never been submitted. */
    @Transactional
    public boolean delete(UUID id) {
        Wish wish = Wish.findById(id);
        if (wish == null) {
            return false;
        }
        counts.removed(wish);
        wish.delete();
        return true;
    }

    private LocalDate today() {
        return ZonedDateTime.now(config.timeZone()).toLocalDate();
    }
}
