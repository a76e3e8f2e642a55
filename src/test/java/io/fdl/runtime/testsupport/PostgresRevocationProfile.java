package io.fdl.runtime.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link PostgresProfile} with dev mode off (stored users). Its name sorts after
 * {@code PostgresRestartProfile}: it cleans the database, so it must not run between the
 * PostgresProfile classes and the restart ones.
 */
public class PostgresRevocationProfile extends PostgresProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("fdl.dev-mode", "false");
        m.put("fdl.jwt-secret", "revocation-test-secret-0123456789-abcdefghij");
        m.put("fdl.bootstrap-admin-password", "bootstrap-admin-pw");
        m.put("fdl.cors-origins", "https://fdl.example");
        return m;
    }
}
