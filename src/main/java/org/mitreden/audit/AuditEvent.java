package org.mitreden.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One staff read or change. The only table with a time of day: staff are accountable for what they look
 * at. Nothing in it is about the authors of wishes (see V10__create_audit_event.sql). Written only by
 * {@link AuditLog}, removed only by its retention purge; the API can neither change nor delete it.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant at;

    /** The token's subject (upn, preferred_username or sub). */
    public String subject;

    /** The jobcenter the caller acted for; null for national roles, which act for none. */
    public String jobcenter;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    /** Method and path template, e.g. {@code GET /api/v1/wishes/{id}}. */
    public String endpoint;

    /** The HTTP status answered. */
    public int status;

    /** The query and path parameters as given, a JSON object. */
    public String parameters;

    /** Rows answered: items on the page, cells of statistics, 1 for one wish; null where meaningless. */
    @Column(name = "row_count")
    public Long rows;
}
