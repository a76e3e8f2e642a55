package io.fdl.runtime.auth;

import io.quarkus.test.junit.QuarkusTest;

/** {@link AdminApiContract} on the in-memory store. */
@QuarkusTest
class AdminApiTest extends AdminApiContract {
}
