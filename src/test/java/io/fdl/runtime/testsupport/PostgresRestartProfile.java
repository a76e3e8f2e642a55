package io.fdl.runtime.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link PostgresProfile} without the clean at start: a fresh application over the data a previous
 * profile left behind (restart tests). Its name sorts after {@code PostgresProfile}, and Quarkus
 * orders test classes by profile, so its classes run after the PostgresProfile ones in one build.
 */
public class PostgresRestartProfile extends PostgresProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("quarkus.flyway.clean-at-start", "false");
        return m;
    }
}
