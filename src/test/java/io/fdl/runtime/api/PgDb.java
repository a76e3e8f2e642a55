package io.fdl.runtime.api;

import io.fdl.runtime.testsupport.PostgresProfile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

/** Reads the test database directly (bypassing the application) to prove what was persisted. */
final class PgDb {
    private PgDb() {}

    static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + PostgresProfile.DB, "fdl", "fdl");
    }

    static String executionStatus(String id) throws Exception {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM execution_history WHERE id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static long eventCount(String id) throws Exception {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(seq), 0) FROM execution_events WHERE execution_id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != rs.getLong(2)) throw new AssertionError("event seqs have gaps for " + id);
                return rs.getLong(1);
            }
        }
    }
}
