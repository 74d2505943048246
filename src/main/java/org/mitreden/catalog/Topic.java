package org.mitreden.catalog;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What a wish is about, such as the counselling relationship or praise. */
@Entity
@Table(name = "topic")
public class Topic extends CatalogRow {

    public static List<Topic> listInOrder() {
        return list("order by position, code");
    }

}
