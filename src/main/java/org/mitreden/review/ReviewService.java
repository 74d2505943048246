package org.mitreden.review;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.mitreden.core.ApiProblem;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;
import org.mitreden.stats.WishCounts;
import org.mitreden.wish.Wish;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.WishStatus;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** What working groups do with wishes: read, answer, change status, and (admins) delete. */
@ApplicationScoped
public class ReviewService {

    @Inject
    WishCounts counts;

    @Inject
    MitredenConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public WishPage list(WishFilter filter, int page, int size, WishSort sort) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!filter.targetGroups().isEmpty()) {
            conditions.add("targetGroup in :targetGroups");
            parameters.and("targetGroups", filter.targetGroups());
        }
        if (!filter.topics().isEmpty()) {
            conditions.add("topic in :topics");
            parameters.and("topics", filter.topics());
        }
        if (!filter.languages().isEmpty()) {
            conditions.add("language in :languages");
            parameters.and("languages", filter.languages());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("status in :statuses");
            parameters.and("statuses", filter.statuses());
        }
        if (filter.from() != null) {
            conditions.add("submittedOn >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("submittedOn <= :to");
            parameters.and("to", filter.to());
        }
        for (int i = 0; i < filter.words().size(); i++) {
            conditions.add("lower(text) like :word" + i + " escape '\\'");
            parameters.and("word" + i, WishFilter.likePattern(filter.words().get(i)));
        }
        String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        PanacheQuery<Wish> query = Wish.find(where + " order by " + sort.orderBy(), parameters)
                .page(Page.of(page, size));
        long totalItems = query.count();
        List<WishView> items = query.list().stream().map(WishView::of).toList();
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new WishPage(items, page, size, totalItems, totalPages);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WishView> find(UUID id) {
        return Wish.<Wish> findByIdOptional(id).map(WishView::of);
    }

    /**
     * Applies a change if the caller saw the current version.
     *
     * @param expectedVersion the version from If-Match; empty for {@code If-Match: *}
     */
    @Transactional
    public WishView change(UUID id, Optional<Integer> expectedVersion, WishChange change) {
        Wish wish = Wish.<Wish> findByIdOptional(id).orElseThrow(() -> ApiProblem.of(ProblemKind.NOT_FOUND));
        if (expectedVersion.isPresent() && expectedVersion.get() != wish.version) {
            throw ApiProblem.of(ProblemKind.PRECONDITION_FAILED);
        }
        WishStatus before = wish.status;
        change.status().ifPresent(status -> wish.status = status);
        change.response().ifPresent(response -> {
            wish.response = response.orElse(null);
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
