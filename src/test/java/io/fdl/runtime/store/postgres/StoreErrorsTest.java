package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoreUnavailableException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Plain unit test of the failure classification (the DB-backed paths are in PostgresStoreContractTest). */
class StoreErrorsTest {
    static PgException pg(String state, String constraint) {
        // (message, severity, code, detail, hint, position, internalPosition, internalQuery, where, file, line,
        //  routine, schema, table, column, dataType, constraint)
        return new PgException("msg", "ERROR", state, "Key (id)=(secret) already exists.", null, null, null, null,
                null, null, null, null, null, null, null, null, constraint);
    }

    @Test
    void uniqueAndForeignKeyViolationsAreConflictsNamingTheConstraint() {
        StoreConflictException c = assertInstanceOf(StoreConflictException.class,
                StoreErrors.map(new CompletionException(pg("23505", "uq_api_keys_hash"))));
        assertEquals("uq_api_keys_hash", c.constraint());
        assertFalse(c.getMessage().contains("secret"), "key values stay out of the message");
        assertEquals("fk_flows_published_version", ((StoreConflictException) StoreErrors.map(
                pg("23503", "fk_flows_published_version"))).constraint());
        ConstraintViolationException hibernate = new ConstraintViolationException("dup",
                new SQLException("dup", "23505"), "insert …", "tenants_pkey");
        assertEquals("tenants_pkey", ((StoreConflictException) StoreErrors.map(hibernate)).constraint());
    }

    @Test
    void lostDatabaseIsUnavailable() {
        assertInstanceOf(StoreUnavailableException.class, StoreErrors.map(
                new RuntimeException(new ConnectException("Connection refused"))));
        assertInstanceOf(StoreUnavailableException.class, StoreErrors.map(ClosedConnectionException.INSTANCE));
        assertInstanceOf(StoreUnavailableException.class, StoreErrors.map(new TimeoutException("slow")));
        assertInstanceOf(StoreUnavailableException.class, StoreErrors.map(pg("57P01", null)));   // admin shutdown
        assertInstanceOf(StoreUnavailableException.class, StoreErrors.map(pg("53300", null)));   // too many clients
        assertInstanceOf(StoreUnavailableException.class, StoreErrors.map(new SQLException("x", "08006")));
    }

    @Test
    void otherFailuresPassThrough() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, StoreErrors.map(bug));
        PgException syntax = pg("42601", null);
        assertSame(syntax, StoreErrors.map(syntax));
    }
}
