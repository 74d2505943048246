package org.mitreden.catalog;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A group of people the workshops heard, such as parents or refugees. */
@Entity
@Table(name = "target_group")
public class TargetGroup extends CatalogRow {

    public static List<TargetGroup> listInOrder() {
        return list("order by position, code");
    }

}
