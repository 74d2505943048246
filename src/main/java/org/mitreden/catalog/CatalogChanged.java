package org.mitreden.catalog;

/** Fired when an admin changed the catalogue; observed once the change is committed. */
record CatalogChanged() {
}
