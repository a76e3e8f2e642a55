package io.fdl.runtime.tools.db;

import io.fdl.runtime.engine.port.ToolException;
import io.vertx.pgclient.PgException;

import java.net.ConnectException;
import java.net.UnknownHostException;

/** Maps PostgreSQL client failures to the codes of tools.md §4.3 / fdl.md §8.4. */
final class DbErrors {
    private DbErrors() {}

    static Throwable map(Throwable t) {
        if (t instanceof ToolException) return t;
        if (t instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            String msg = pg.getErrorMessage() != null ? pg.getErrorMessage() : pg.getMessage();
            if (state.equals("57014")) return new ToolException("TIMEOUT", "statement timed out: " + msg);
            if (state.equals("25006")) return new ToolException("NOT_ALLOWED", "the datasource is read-only: " + msg);
            // connection exceptions, operator intervention (shutdown), authentication and unknown database
            if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28") || state.equals("3D000")) {
                return new ToolException("CONNECTION_ERROR", "database connection failed: " + msg);
            }
            String detail = pg.getDetail();
            return new ToolException("DB_ERROR", msg + (detail != null ? " (" + detail + ")" : "") + " [SQLSTATE " + state + "]");
        }
        if (t instanceof ConnectException || t instanceof UnknownHostException
                || t instanceof io.vertx.core.VertxException || t instanceof java.io.IOException
                || t instanceof io.netty.channel.ConnectTimeoutException) {
            return new ToolException("CONNECTION_ERROR", "database connection failed: " + t.getMessage());
        }
        return new ToolException("DB_ERROR", String.valueOf(t.getMessage()));
    }
}
