package org.mitreden.catalog;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A group of people the workshops heard, such as parents or refugees. */
@Entity
@Table(name = "target_group")
public class TargetGroup extends PanacheEntityBase {

    @Id
    public String code;

    public boolean active;

    public int position;

    public static List<TargetGroup> listInOrder() {
        return list("order by position, code");
    }

}
