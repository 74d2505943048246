package org.mitreden.catalog;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What a wish is about, such as the counselling relationship or praise. */
@Entity
@Table(name = "topic")
public class Topic extends PanacheEntityBase {

    @Id
    public String code;

    public boolean active;

    public int position;

    public static List<Topic> listInOrder() {
        return list("order by position, code");
    }

}
