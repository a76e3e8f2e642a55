package io.fdl.runtime.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import java.util.Map;

/** {@link RevocationContract} on the in-memory store, dev mode off. */
@QuarkusTest
@TestProfile(RevocationTest.Prod.class)
class RevocationTest extends RevocationContract {
    public static class Prod implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return PROD;
        }
    }
}
