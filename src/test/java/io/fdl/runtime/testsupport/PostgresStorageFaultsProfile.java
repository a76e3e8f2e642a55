package io.fdl.runtime.testsupport;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link PostgresProfile} with one execution slot (a leaked slot shows as 429 on the next run) and
 * quick final-write retries. Its name sorts after {@code PostgresRestartProfile}: it cleans the
 * database, so it must not run between the PostgresProfile classes and the restart ones.
 */
public class PostgresStorageFaultsProfile extends PostgresProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("fdl.max-concurrent-executions", "1");
        m.put("fdl.store.final-write-attempts", "3");
        m.put("fdl.store.final-write-backoff-ms", "20");
        return m;
    }
}
