package org.mitreden.catalog;

/** The two catalogues a wish is classified by. */
public enum CatalogKind {
    TARGET_GROUP,
    TOPIC
}
