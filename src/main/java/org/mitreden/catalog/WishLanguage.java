package org.mitreden.catalog;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A language a wish may be written in, named in itself. */
@Entity
@Table(name = "wish_language")
public class WishLanguage extends PanacheEntityBase {

    @Id
    public String code;

    public String label;

    public String direction;

    public boolean active;

    public int position;

    public static List<WishLanguage> listActive() {
        return list("active = true order by position, code");
    }

}
