package org.mitreden.wish;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Which database runs: PostgreSQL everywhere but dev mode, whose H2 lacks a few PostgreSQL statements. */
@ApplicationScoped
public class Database {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    public boolean isPostgresql() {
        return "postgresql".equals(dbKind);
    }
}
