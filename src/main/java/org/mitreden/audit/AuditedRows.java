package org.mitreden.audit;

/**
 * An answer that says itself how many rows it holds, for the audit log. Answers that are lists, or
 * records with a list named {@code items} or {@code cells}, need not: their size is counted.
 */
public interface AuditedRows {

    long auditedRows();
}
