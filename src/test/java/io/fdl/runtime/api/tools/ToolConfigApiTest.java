package io.fdl.runtime.api.tools;

import io.quarkus.test.junit.QuarkusTest;

/** {@link ToolConfigApiContract} on the in-memory store. */
@QuarkusTest
class ToolConfigApiTest extends ToolConfigApiContract {
}
