package io.fdl.runtime.auth;

import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ApiKeyContract} against the real PostgreSQL ($FDL_TEST_DB). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ApiKeyPostgresTest extends ApiKeyContract {
}
