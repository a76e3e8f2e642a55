package io.fdl.runtime.api.tools;

import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ToolConfigApiContract} with the configuration stored in PostgreSQL ($FDL_TEST_DB). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class ToolConfigApiPostgresTest extends ToolConfigApiContract {
}
