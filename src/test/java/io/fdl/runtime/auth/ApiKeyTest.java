package io.fdl.runtime.auth;

import io.quarkus.test.junit.QuarkusTest;

/** {@link ApiKeyContract} on the in-memory store. */
@QuarkusTest
class ApiKeyTest extends ApiKeyContract {
}
