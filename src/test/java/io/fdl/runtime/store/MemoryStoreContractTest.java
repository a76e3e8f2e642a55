package io.fdl.runtime.store;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contract against the in-memory adapter (default test profile: FDL_USE_DATABASE off). */
@QuarkusTest
class MemoryStoreContractTest extends StoreContractTest {
    @Override
    protected boolean transactionsRollBack() {
        return false; // documented: memory mode has no rollback
    }

    @Test
    void memoryAdapterIsActive() {
        assertEquals(StoreKind.MEMORY, kind);
    }
}
