package org.mitreden.jobcenter;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A jobcenter the installation serves: every wish, count and audit event belongs to one. */
@Entity
@Table(name = "jobcenter")
public class Jobcenter extends PanacheEntityBase {

    /** The jobcenter of a single-jobcenter installation, and of everything stored before there were several. */
    public static final String DEFAULT = "default";

    @Id
    public String code;

    public String name;

    @Column(name = "created_on")
    public LocalDate createdOn;
}
