package org.mitreden.review;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.AvailableHints;
import org.mitreden.anonymity.TextScrubber;
import org.mitreden.core.ApiProblem;
import org.mitreden.core.CsvWriter;
import org.mitreden.core.FreeText;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;
import org.mitreden.core.Violation;
import org.mitreden.wish.TextSearch;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishStatus;
import org.mitreden.wish.Wishes;


/** What working groups do with wishes: read, answer, change status, and (admins) delete. */
@ApplicationScoped
public class ReviewService {

    @Inject
    Wishes wishes;

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
        StringBuilder where = new StringBuilder(" WHERE " + Wishes.RELEASED);
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(where, parameters, WishFilter.Source.WISHES);

        // One row more than the page shows whether another page follows.
        long offset = (long) page * size;
        Supplier<Query> select = () -> {
            Query query = entityManager.createNativeQuery("SELECT * FROM wish" + where + " ORDER BY " + sort.orderBy()
                    + " LIMIT :limit OFFSET :offset", Wish.class);
            parameters.forEach(query::setParameter);
            return query.setParameter("limit", size + 1).setParameter("offset", offset);
        };
        @SuppressWarnings("unchecked")
        List<Wish> rows = searching ? textSearch.page(select, config.search().walkBudget()) : select.get().getResultList();
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

    /** The columns an export reads, in the order {@link WishView#ofRow} expects them. */
    static final String CSV_COLUMNS = "id, target_group, topic, language, text, status, shown_level, shown_on, response, "
            + "responded_on, version";

    /** Rows an export reads from the database at a time. */
    private static final int EXPORT_FETCH_SIZE = 500;

    /**
     * Writes every released wish the filter selects as CSV, in the order asked for, row by row as the
     * database hands them over, so an export of a million wishes holds no more than one fetch in memory.
     */
    @Transactional
    public void exportCsv(WishFilter filter, WishSort sort, OutputStream out) throws IOException {
        if (!filter.words().isEmpty()) {
            textSearch.planWithActualPatterns();
        }
        StringBuilder where = new StringBuilder(" WHERE " + Wishes.RELEASED);
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(where, parameters, WishFilter.Source.WISHES);
        Query select = entityManager.createNativeQuery("SELECT " + CSV_COLUMNS + " FROM wish" + where + " ORDER BY "
                + sort.orderBy());
        parameters.forEach(select::setParameter);
        select.setHint(AvailableHints.HINT_FETCH_SIZE, EXPORT_FETCH_SIZE);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter.writeRow(writer, WishView.CSV_HEADER);
        try (Stream<?> rows = select.getResultStream()) {
            for (Iterator<?> it = rows.iterator(); it.hasNext();) {
                CsvWriter.writeRow(writer, WishView.ofRow((Object[]) it.next()).csvRow());
            }
        }
        writer.flush();
    }

    /** How many released wishes the filter selects, all of them counted (an export reads them all anyway). */
    @Transactional
    public long count(WishFilter filter) {
        if (filter.words().isEmpty()) {
            return countLive(filter);
        }
        textSearch.planWithActualPatterns();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM wish WHERE " + Wishes.RELEASED);
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(sql, parameters, WishFilter.Source.WISHES);
        Query count = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    private long countLive(WishFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT COALESCE(SUM(live), 0) FROM released_count WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(sql, parameters, WishFilter.Source.COUNTS);
        Query count = entityManager.createNativeQuery(sql.toString());
        parameters.forEach(count::setParameter);
        return ((Number) count.getSingleResult()).longValue();
    }

    @Transactional
    public Optional<WishView> find(UUID id, String jobcenter) {
        return wishes.findReleased(id, jobcenter).map(WishView::of);
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
    public WishView change(UUID id, String jobcenter, Optional<Integer> expectedVersion, WishChange change) {
        Wish wish = wishes.findReleased(id, jobcenter).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
        int expected = expectedVersion.orElseThrow(() -> ApiProblem.of(ProblemKind.PRECONDITION_REQUIRED));
        if (expected != ANY_VERSION && expected != wish.version) {
            throw ApiProblem.of(ProblemKind.PRECONDITION_FAILED);
        }
        WishStatus before = wish.status;
        change.status().ifPresent(status -> wish.status = status);
        change.response().ifPresent(response -> {
            // The public answer is free text like the wish: nothing personal may be stored in it either.
            wish.response = response.map(text -> scrubber.scrub(text).text()).orElse(null);
            if (wish.response != null && !FreeText.fitsStorage(wish.response)) {
                throw ApiProblem.invalid(List.of(new Violation("response", "violation.response-too-long-scrubbed")));
            }
            wish.respondedOn = response.isPresent() ? today() : null;
        });
        try {
            wishes.changed(wish, before);
        } catch (OptimisticLockException e) {
            // Someone else saved between our read and our write.
            throw ApiProblem.of(ProblemKind.PRECONDITION_FAILED);
        }
        return WishView.of(wish);
    }

    /** Deletes a wish and takes it out of the statistics, as if it had never been submitted. */
    @Transactional
    public boolean delete(UUID id, String jobcenter) {
        Optional<Wish> wish = wishes.findReleased(id, jobcenter);
        wish.ifPresent(wishes::delete);
        return wish.isPresent();
    }

    private LocalDate today() {
        return ZonedDateTime.now(config.timeZone()).toLocalDate();
    }
}
