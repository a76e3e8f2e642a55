package io.fdl.runtime.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.*;

class DatabaseUrlTest {

    @Test
    void fullLibpqUrl() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://fdl:secret@db.internal:6543/flows?sslmode=require");
        assertEquals("db.internal", u.host());
        assertEquals(6543, u.port());
        assertEquals("flows", u.database());
        assertEquals("fdl", u.user().orElseThrow());
        assertEquals("secret", u.password().orElseThrow());
        assertEquals(DatabaseUrl.SslMode.REQUIRE, u.sslMode().orElseThrow());
        assertEquals("postgresql://db.internal:6543/flows", u.reactiveUrl());
        assertEquals("jdbc:postgresql://db.internal:6543/flows?sslmode=require", u.jdbcUrl());
    }

    @Test
    void postgresqlSchemeAndDefaultPort() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://u:p@localhost/db");
        assertEquals(5432, u.port());
        assertEquals("jdbc:postgresql://localhost:5432/db", u.jdbcUrl());
        assertTrue(u.sslMode().isEmpty());
    }

    @Test
    void percentDecodedCredentials() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://us%40er:p%40ss%3Aw%2Fo+rd@h:5432/d");
        assertEquals("us@er", u.user().orElseThrow());
        assertEquals("p@ss:w/o+rd", u.password().orElseThrow());
    }

    @Test
    void unencodedAtInPasswordUsesLastAt() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://u:p@ss@h/d");
        assertEquals("p@ss", u.password().orElseThrow());
        assertEquals("h", u.host());
    }

    @Test
    void noCredentialsAndDatabaseDefaultsToUser() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://h:5433/d");
        assertTrue(u.user().isEmpty());
        assertTrue(u.password().isEmpty());
        assertEquals("alice", DatabaseUrl.parse("postgres://alice@h").database());
    }

    @Test
    void ipv6Host() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://u:p@[::1]:5433/d");
        assertEquals("[::1]", u.host());
        assertEquals(5433, u.port());
        assertEquals("postgresql://[::1]:5433/d", u.reactiveUrl());
    }

    @Test
    void recognisedAndIgnoredParameters() {
        DatabaseUrl u = DatabaseUrl.parse(
                "postgres://u:p@h/d?sslmode=verify-full&sslrootcert=/etc/ca.pem&application_name=fdl&connect_timeout=5&target_session_attrs=any");
        assertEquals(DatabaseUrl.SslMode.VERIFY_FULL, u.sslMode().orElseThrow());
        assertEquals("/etc/ca.pem", u.sslRootCert().orElseThrow());
        assertEquals(5, u.connectTimeoutSeconds().orElseThrow());
        assertEquals(java.util.Set.of("target_session_attrs"), u.ignoredParameters());
        assertEquals("postgresql://h:5432/d?application_name=fdl", u.reactiveUrl());
        assertTrue(u.jdbcUrl().contains("sslmode=verify-full"));
        assertTrue(u.jdbcUrl().contains("ApplicationName=fdl"));
    }

    @Test
    void toStringMasksThePassword() {
        String s = DatabaseUrl.parse("postgres://u:topsecret@h/d").toString();
        assertFalse(s.contains("topsecret"), s);
        assertTrue(s.contains("****"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "mysql://u:p@h/d", "http://h/d", "h:5432/d", "postgres://", "postgres://u:p@/d",
            "postgres://u:p@h:notaport/d", "postgres://u:p@h:70000/d", "postgres://u:p@h:0/d", "postgres://h/d?sslmode=sometimes",
            "postgres://u:p@[::1/d", "postgres://u:p@h1,h2/d", "postgres://u:p@h/d%ZZ", "postgres://h", "postgres://u:p@h/d#frag",
            "postgres://u:p@h o st/d"})
    void rejectsUnusableUrls(String url) {
        DatabaseUrl.InvalidDatabaseUrlException e =
                assertThrows(DatabaseUrl.InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(url));
        assertFalse(e.getMessage().contains("p@"), "message must not echo credentials: " + e.getMessage());
    }

    @Test
    void errorMessageNeverContainsThePassword() {
        var e = assertThrows(DatabaseUrl.InvalidDatabaseUrlException.class,
                () -> DatabaseUrl.parse("postgres://u:hunter2hunter2@h:99999/d"));
        assertFalse(e.getMessage().contains("hunter2"));
    }
}
