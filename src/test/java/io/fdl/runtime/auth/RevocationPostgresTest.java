package io.fdl.runtime.auth;

import io.fdl.runtime.testsupport.PostgresRevocationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link RevocationContract} against the real PostgreSQL, dev mode off. */
@QuarkusTest
@TestProfile(PostgresRevocationProfile.class)
class RevocationPostgresTest extends RevocationContract {
}
