package org.mitreden.catalog;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What target groups and topics have alike: a code, whether kiosks offer it, its place, its owner. */
@MappedSuperclass
public abstract class CatalogRow extends PanacheEntityBase {

    @Id
    public String code;

    public boolean active;

    public int position;

    /** The jobcenter whose kiosks alone offer this entry; null for the national catalogue. */
    public String jobcenter;

    /** Whether the entry belongs to the catalogue a jobcenter sees: the national one or its own. */
    public boolean visibleTo(String jobcenterCode) {
        return jobcenter == null || jobcenter.equals(jobcenterCode);
    }
}
