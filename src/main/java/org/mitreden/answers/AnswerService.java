package org.mitreden.answers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.mitreden.anonymity.Period;
import org.mitreden.wish.WishStatus;
import org.mitreden.wish.WishFilter;
import org.mitreden.wish.Wishes;

/** Reads the public answers: released wishes whose status is PLANNED or IMPLEMENTED and that have a response. */
@ApplicationScoped
public class AnswerService {

    private static final String ANSWERED = " FROM wish WHERE " + Wishes.RELEASED
            + " AND status IN ('PLANNED', 'IMPLEMENTED') AND response IS NOT NULL";

    @Inject
    EntityManager entityManager;

    @Transactional
    public AnswerPage list(WishFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(ANSWERED);
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.appendSql(where, parameters, WishFilter.Source.WISHES);
        Query select = entityManager.createNativeQuery("SELECT topic, target_group, status, shown_level, shown_on, response, responded_on"
                + where + " ORDER BY responded_on DESC, id DESC LIMIT :limit OFFSET :offset");
        parameters.forEach(select::setParameter);
        select.setParameter("limit", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        List<PublicAnswer> items = rows.stream().map(row -> new PublicAnswer((String) row[0], (String) row[1],
                WishStatus.valueOf((String) row[2]), Period.valueOf((String) row[3]).label(Wishes.toLocalDate(row[4])),
                (String) row[5], Wishes.toLocalDate(row[6]))).toList();
        Query count = entityManager.createNativeQuery("SELECT COUNT(*)" + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        return new AnswerPage(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
