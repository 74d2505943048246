package org.mitreden.audit;

import java.time.Instant;
import java.util.Map;

/** An audit event waiting to be written; a fresh entity is made from it for every attempt. */
record AuditEntry(Instant at, String subject, String jobcenter, AuditAction action, String endpoint, int status,
        Map<String, Object> parameters, Long rows) {
}
