package io.fdl.runtime.store;

/**
 * Names of the rules a {@link StoreConflictException} reports. They are the PostgreSQL constraint
 * names of the migrations, and the memory adapter reports the same names.
 */
public final class Constraints {
    public static final String TENANT_ID = "tenants_pkey";
    public static final String USER_ID = "users_pkey";
    public static final String USER_USERNAME = "uq_users_tenant_username";
    public static final String FLOW_ID = "flows_pkey";
    public static final String VERSION_ID = "flow_versions_pkey";
    public static final String VERSION_NUMBER = "uq_flow_versions_number";
    /** Deleting the version a flow publishes. */
    public static final String FLOW_PUBLISHED_VERSION = "fk_flows_published_version";
    public static final String EXECUTION_ID = "execution_history_pkey";
    public static final String EXECUTION_IDEMPOTENCY_KEY = "uq_execution_history_idempotency";
    public static final String EVENT_SEQ = "execution_events_pkey";
    public static final String AUDIT_ID = "audit_logs_pkey";
    public static final String API_KEY_ID = "api_keys_pkey";
    public static final String API_KEY_HASH = "uq_api_keys_hash";
    /** Creating an API key for a flow that does not exist (in that tenant). */
    public static final String API_KEY_FLOW = "fk_api_keys_flow";
    public static final String TOOL_SERVICE_NAME = "tool_services_pkey";
    public static final String DATASOURCE_NAME = "datasources_pkey";

    private Constraints() {
    }
}
