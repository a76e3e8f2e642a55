package io.fdl.runtime.auth;

import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AdminApiContract} against the real PostgreSQL ($FDL_TEST_DB). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class AdminApiPostgresTest extends AdminApiContract {
}
