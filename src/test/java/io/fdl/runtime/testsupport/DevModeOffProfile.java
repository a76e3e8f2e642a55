package io.fdl.runtime.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Dev mode off, with the test secret (so {@link TestTokens} still mint valid tokens): requests and
 * WebSocket connections without credentials are refused, as in production.
 */
public class DevModeOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("fdl.dev-mode", "false", "fdl.jwt-secret", TestTokens.DEV_SECRET,
                "fdl.cors-origins", "https://fdl.example");
    }
}
