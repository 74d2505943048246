package org.mitreden.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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

    @Inject
    ObjectMapper json;

    /** One transaction of its own: an audit write never joins, and never fails, the request's work. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insert(List<AuditEntry> entries) {
        for (AuditEntry entry : entries) {
            AuditEvent event = new AuditEvent();
            event.at = entry.at();
            event.subject = entry.subject();
            event.jobcenter = entry.jobcenter();
            event.action = entry.action();
            event.endpoint = entry.endpoint();
            event.status = entry.status();
            event.parameters = parametersJson(entry.parameters());
            event.rows = entry.rows();
            event.persist();
        }
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
