package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoreException;
import io.fdl.runtime.store.StoreUnavailableException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/** Translates driver/Hibernate failures into the store's exceptions (409 / 503 for the API). */
final class StoreErrors {
    private StoreErrors() {
    }

    static Throwable map(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException) return t;
            // the pool reports PgException; Hibernate Reactive converts it into JDBC-style exceptions
            if (t instanceof PgException pg) return bySqlState(failure, pg.getSqlState(), pg.getConstraint());
            if (t instanceof ConstraintViolationException cve) {
                return bySqlState(failure, cve.getSQLState(), cve.getConstraintName());
            }
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return bySqlState(failure, jdbc.getSQLState(), null);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return bySqlState(failure, sql.getSQLState(), null);
            }
            if (t instanceof IOException            // incl. ConnectException: refused, reset, unreachable
                    || t instanceof ClosedConnectionException
                    || t instanceof TimeoutException     // pool acquisition / connect timeouts
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return unavailable(failure);
            }
        }
        return failure;
    }

    private static Throwable bySqlState(Throwable failure, String sqlState, String constraint) {
        String state = sqlState == null ? "" : sqlState;
        // 23505 unique, 23503 foreign key: a rule of the data model was broken
        if (state.equals("23505") || state.equals("23503")) {
            // the message names only the rule: DETAIL (key values) is for the database log
            return new StoreConflictException(constraint, "constraint " + constraint + " violated", failure);
        }
        // 08 connection exception, 53 insufficient resources, 57P0x shutdown / cannot connect now
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
            return unavailable(failure);
        }
        return failure;
    }

    private static StoreUnavailableException unavailable(Throwable failure) {
        return new StoreUnavailableException("database unavailable: " + failure.getMessage(), failure);
    }
}
