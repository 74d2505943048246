package org.mitreden.review;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.mitreden.anonymity.TextScrubber;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;
import org.mitreden.stats.WishCounts;
import org.mitreden.wish.TextSearch;
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

    @Inject
    TextSearch textSearch;

    @Transactional
    public WishPage list(WishFilter filter, int page, int size, WishSort sort) {
        boolean searching = !filter.words().isEmpty();
        if (searching) {
            textSearch.planWithActualPatterns();
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(where, parameters);

        // One row more than the page shows whether another page follows.
        long offset = (long) page * size;
        Query select = entityManager.createNativeQuery("SELECT * FROM wish" + where + " ORDER BY " + sort.orderBy()
                + " LIMIT :limit OFFSET :offset", Wish.class);
        parameters.forEach(select::setParameter);
        select.setParameter("limit", size + 1).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<Wish> rows = select.getResultList();
        boolean more = rows.size() > size;
        List<WishView> items = rows.stream().limit(size).map(WishView::of).toList();

        long totalItems;
        boolean exact = true;
        if (!more && (!items.isEmpty() || page == 0)) {
            // The last page of the matches: it tells the total without a count.
            totalItems = offset + items.size();
        } else if (!searching) {
            // Without a text search the total comes from the counts kept per cell, not from counting rows.
            totalItems = countLive(filter);
        } else {
            // The smallest total the page itself proves (an empty page past the end proves nothing).
            long proven = items.isEmpty() ? 0 : offset + items.size() + (more ? 1 : 0);
            int countedMatches = config.search().countedMatches();
            OptionalLong counted = proven > countedMatches ? OptionalLong.empty()
                    : textSearch.countAtMost("SELECT 1 FROM wish" + where, parameters, countedMatches + 1L,
                            config.search().countBudget());
            if (counted.isPresent() && counted.getAsLong() <= countedMatches) {
                totalItems = counted.getAsLong();
            } else {
                totalItems = Math.max(proven, Math.min(counted.orElse(0), countedMatches));
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
        try {
            // Flushed before the counts move: their native SQL would flush the wish anyway, and a version
            // conflict must surface here, as 412, not from inside the counts as a 500.
            Wish.flush();
        } catch (OptimisticLockException e) {
            // Someone else saved between our read and our write.
            throw ApiProblem.of(ProblemKind.PRECONDITION_FAILED);
        }
        counts.statusChanged(wish, before);
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
