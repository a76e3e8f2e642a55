package io.fdl.runtime.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

import java.util.List;
import java.util.Optional;

/**
 * Typed view of the FDL_* environment variables (api.md §1). SmallRye maps each environment
 * variable onto the property of the same name in dotted form, e.g. {@code FDL_JWT_SECRET} →
 * {@code fdl.jwt-secret}, {@code FDL_DB_POOL_SIZE} → {@code fdl.db-pool-size}; every property can
 * also be given in application.properties or as a system property. {@code FDL_HOST}/{@code FDL_PORT}
 * feed {@code quarkus.http.host/port} directly (application.properties); {@code DATABASE_URL} is
 * translated into the {@code quarkus.datasource.*} properties by {@link FdlConfigSourceFactory}
 * (see {@link RuntimeSettings} for every derived Quarkus property and the start-up refusals).
 *
 * <p>Inject it anywhere: {@code @Inject FdlConfig config;}.
 */
@ConfigMapping(prefix = "fdl")
public interface FdlConfig {

    /** Shortest {@code FDL_JWT_SECRET} accepted in production mode. */
    int MIN_PROD_SECRET_LENGTH = 32;

    /**
     * {@code FDL_DEV_MODE}: development mode (dev logins, permissive CORS, requests without
     * credentials act as admin of tenant {@code default}).
     */
    @WithDefault("true")
    boolean devMode();

    /**
     * {@code FDL_JWT_SECRET}: HS256 signing secret. Never log it. Required with dev mode off; in dev
     * mode, when unset, a random per-process secret is used ({@link io.fdl.runtime.auth.SigningSecret}).
     */
    Optional<String> jwtSecret();

    /** {@code FDL_JWT_ACCESS_TTL}: access-token lifetime in seconds. */
    @WithDefault("3600")
    long jwtAccessTtl();

    /** {@code FDL_JWT_REFRESH_TTL}: refresh-token lifetime in seconds. */
    @WithDefault("604800")
    long jwtRefreshTtl();

    /**
     * {@code FDL_BOOTSTRAP_ADMIN_PASSWORD} (h-auth): with dev mode off, creates the first account
     * (user {@link #bootstrapAdminUsername()}, tenant {@code default}, role superadmin) when it does
     * not exist yet. Never log it.
     */
    Optional<String> bootstrapAdminPassword();

    /** {@code FDL_BOOTSTRAP_ADMIN_USERNAME} (h-auth): user name of the bootstrap account. */
    @WithDefault("admin")
    String bootstrapAdminUsername();

    /** {@code FDL_USE_DATABASE}: {@code true}/{@code 1} = PostgreSQL store, otherwise in memory. */
    @WithDefault("false")
    boolean useDatabase();

    /** {@code FDL_DB_POOL_SIZE}: connection pool size. */
    @WithDefault("10")
    int dbPoolSize();

    /** {@code FDL_DB_TIMEOUT}: seconds to wait for a connection / statement. */
    @WithDefault("30")
    int dbTimeout();

    /** {@code FDL_LOG_LEVEL}: level of the service's own categories ({@code io.fdl}). */
    @WithDefault("INFO")
    String logLevel();

    /** {@code FDL_LOG_JSON}: JSON log lines. */
    @WithDefault("false")
    boolean logJson();

    /**
     * {@code FDL_CORS_ORIGINS}: comma list of allowed origins. Empty = dev: {@code *}, prod: none.
     * Use {@link CorsPolicy} to interpret it.
     */
    Optional<List<String>> corsOrigins();

    /** {@code FDL_MAX_BODY_BYTES}: largest accepted request body (413 beyond). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** {@code FDL_EXECUTION_TIMEOUT}: seconds before a running execution fails with EXECUTION_TIMEOUT. */
    @WithDefault("3600")
    long executionTimeout();

    /**
     * {@code FDL_RUN_MAX_BYTES}: estimated bytes of values one run may retain (variables, node values,
     * each items, mocked call records); beyond it the run fails with RUN_LIMIT_EXCEEDED.
     */
    @WithDefault("67108864")
    long runMaxBytes();

    /** {@code FDL_RUN_MAX_STEPS}: node executions plus each/loop iterations per run (RUN_LIMIT_EXCEEDED beyond). */
    @WithDefault("100000000")
    long runMaxSteps();

    /** {@code FDL_MAX_CONCURRENT_EXECUTIONS}: per replica; beyond it new executions get 429. */
    @WithDefault("1000")
    int maxConcurrentExecutions();

    /** Durable runs in PostgreSQL mode (issue 12); the names sit at the top level: {@code FDL_LEASE_SECONDS} … */
    @WithParentName
    Durability durability();

    interface Durability {
        /** {@code FDL_REPLICA_ID}: this replica's stable id; default the host name plus a random suffix. */
        Optional<String> replicaId();

        /**
         * {@code FDL_LEASE_SECONDS}: a replica that has not renewed its lease for this long loses its runs
         * to the others. 30 s rides out a 20-s database outage without a takeover.
         */
        @WithDefault("30")
        int leaseSeconds();

        /** {@code FDL_HEARTBEAT_MS}: lease renewal (one statement per replica), also how fast a remote cancel lands. */
        @WithDefault("500")
        long heartbeatMs();

        /** {@code FDL_CLAIM_INTERVAL_MS}: how often a replica with free capacity looks for runs to take. */
        @WithDefault("1000")
        long claimIntervalMs();

        /** {@code FDL_SHUTDOWN_GRACE_SECONDS}: on SIGTERM, how long running runs may finish before their leases are released. */
        @WithDefault("20")
        int shutdownGraceSeconds();

        /** {@code FDL_QUEUE_MAX}: queued async runs across the cluster beyond which a full replica answers 429. */
        @WithDefault("10000")
        int queueMax();

        /** {@code FDL_PARK_AFTER_SECONDS}: a run that only waits, longer than this, gives up its lease until it wakes. */
        @WithDefault("30")
        int parkAfterSeconds();
    }
}
