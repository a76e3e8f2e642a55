package io.fdl.runtime.api;

import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link EditorCompatibilityContract} with drafts, publishing and API-key usage stored in PostgreSQL ($FDL_TEST_DB). */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class EditorCompatibilityPostgresTest extends EditorCompatibilityContract {
}
