package org.mitreden.catalog;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The label and description of one catalogue entry in one language. */
@Entity
@Table(name = "catalog_label")
@IdClass(CatalogLabel.Key.class)
public class CatalogLabel extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public CatalogKind kind;

    @Id
    public String code;

    @Id
    public String lang;

    public String label;

    public String description;

    /** Labels of every entry of a kind in the wanted language and in German, the fallback. */
    public static List<CatalogLabel> forKind(CatalogKind kind, String language) {
        return list("kind = ?1 and lang in ?2", kind, List.of(language, "de"));
    }

    public static List<CatalogLabel> forEntry(CatalogKind kind, String code) {
        return list("kind = ?1 and code = ?2", kind, code);
    }

    public static long deleteForEntry(CatalogKind kind, String code) {
        return delete("kind = ?1 and code = ?2", kind, code);
    }

    public static class Key implements Serializable {
        public CatalogKind kind;
        public String code;
        public String lang;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && kind == key.kind && Objects.equals(code, key.code)
                    && Objects.equals(lang, key.lang);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, code, lang);
        }
    }
}
