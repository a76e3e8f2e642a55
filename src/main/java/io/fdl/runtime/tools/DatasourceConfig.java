package io.fdl.runtime.tools;

/**
 * A registered PostgreSQL datasource for db:// (tools.md §4.2). {@code connectionString} holds the
 * password in clear: in memory on the call path only.
 */
public record DatasourceConfig(String name, String dbType, String connectionString, String schema, String table,
                               int poolSize, long timeoutMs, boolean readOnly, boolean allowNative, boolean enabled) {

    public static final long DEFAULT_TIMEOUT_MS = 5_000L;
    public static final int DEFAULT_POOL_SIZE = 10;

    @Override
    public String toString() { // never print the connection string
        return "DatasourceConfig[name=" + name + ", dbType=" + dbType + ", schema=" + schema + ", enabled=" + enabled + "]";
    }
}
