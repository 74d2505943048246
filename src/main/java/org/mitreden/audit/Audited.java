package org.mitreden.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records every answer of this resource method to an authenticated caller in the audit log, after the
 * answer is made (see {@link AuditRecorder}). A table answered as text/csv is recorded as
 * {@link AuditAction#EXPORT_CSV}. Put it only on staff endpoints: nothing about the authors of wishes
 * may reach the audit log.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    AuditAction value();
}
