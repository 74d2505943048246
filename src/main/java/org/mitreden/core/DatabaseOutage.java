package org.mitreden.core;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached apart from every other failure. */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08: connection exceptions; 57P01-57P03: the server is shutting down or starting up.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // Agroal gives up waiting for a connection with a plain SQLException and no state.
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
