package org.mitreden.audit;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** The audit_event table: written in batches by {@link AuditLog}, read by admins, purged by age. */
@ApplicationScoped
public class AuditStore {

    /** The parameters column's size; longer parameters are cut (they are a client's doing, not a member of staff's). */
    static final int MAX_PARAMETERS_LENGTH = 8000;
    private static final String TRUNCATED = "{\"truncated\":true}";

    /** What {@link AuditEvent} maps, as one statement for a JDBC batch. */
    private static final String INSERT = "INSERT INTO audit_event (occurred_at, subject, jobcenter, action, endpoint, status, "
            + "parameters, row_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    /**
     * One transaction of its own: an audit write never joins, and never fails, the request's work. One JDBC
     * batch, so one round trip: persisted as entities, each event was an INSERT of its own, because its id
     * comes from an identity column, and the writer took 15-20 % of the service's CPU under statistics reads.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insert(List<AuditEntry> entries) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    insert.setObject(1, entry.at().atOffset(ZoneOffset.UTC));
                    insert.setString(2, entry.subject());
                    insert.setString(3, entry.jobcenter());
                    insert.setString(4, entry.action().name());
                    insert.setString(5, entry.endpoint());
                    insert.setInt(6, entry.status());
                    insert.setString(7, parametersJson(entry.parameters()));
                    if (entry.rows() == null) {
                        insert.setNull(8, Types.BIGINT);
                    } else {
                        insert.setLong(8, entry.rows());
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Transactional
    AuditPage list(AuditQuery query) {
        int page = query.page();
        int size = query.size();
        // An admin reads the events of their own jobcenter only.
        StringBuilder where = new StringBuilder("jobcenter = :jobcenter");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("jobcenter", query.jobcenter());
        if (query.from() != null) {
            where.append(" and at >= :from");
            parameters.put("from", query.from());
        }
        if (query.until() != null) {
            where.append(" and at < :until");
            parameters.put("until", query.until());
        }
        if (query.subject() != null) {
            where.append(" and subject = :subject");
            parameters.put("subject", query.subject());
        }
        if (!query.actions().isEmpty()) {
            where.append(" and action in :actions");
            parameters.put("actions", query.actions());
        }
        PanacheQuery<AuditEvent> events = AuditEvent.find(where.toString(),
                Sort.descending("at").and("id", Sort.Direction.Descending), parameters).page(Page.of(page, size));
        List<AuditEventView> items = events.list().stream().map(AuditEventView::of).toList();
        long total = items.size() < size && (page == 0 || !items.isEmpty()) ? (long) page * size + items.size()
                : events.count();
        return new AuditPage(items, page, size, total, (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long deleteBefore(Instant cutoff) {
        return AuditEvent.delete("at < ?1", cutoff);
    }

    private String parametersJson(Map<String, Object> parameters) {
        try {
            String text = json.writeValueAsString(parameters);
            return text.length() <= MAX_PARAMETERS_LENGTH ? text : TRUNCATED;
        } catch (JsonProcessingException e) {
            return TRUNCATED;
        }
    }
}
