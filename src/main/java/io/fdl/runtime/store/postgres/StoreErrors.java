package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoreException;
import io.fdl.runtime.store.StoreUnavailableException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** Translates driver/Hibernate failures into the store's exceptions (409 / 503 for the API). */
final class StoreErrors {
    private StoreErrors() {
    }

    static Throwable map(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException) return t;
            if (t instanceof PgException pg) {
                String state = pg.getSqlState() == null ? "" : pg.getSqlState();
                // 23505 unique, 23503 foreign key: a rule of the data model was broken
                if (state.equals("23505") || state.equals("23503")) {
                    return new StoreConflictException(pg.getConstraint(), conflictMessage(pg), failure);
                }
                // 08 connection exception, 53 insufficient resources, 57P0x shutdown/cannot connect now
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
                    return unavailable(failure);
                }
                return failure;
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

    private static StoreUnavailableException unavailable(Throwable failure) {
        return new StoreUnavailableException("database unavailable: " + failure.getMessage(), failure);
    }

    private static String conflictMessage(PgException pg) {
        // DETAIL names the key values (ids, names); it is for logs, the API says only "conflict".
        return "constraint " + pg.getConstraint() + " violated";
    }
}
