package io.fdl.runtime.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the operator's view of configuration (api.md §1: {@code FDL_*}, {@code DATABASE_URL},
 * {@code RUST_LOG}) into the Quarkus properties that implement it, and decides whether the process
 * may start at all. Pure function of a property lookup, so every rule is unit-tested without Quarkus.
 *
 * <p>Derived properties are served by {@link FdlConfigSourceFactory} at an ordinal above
 * application.properties and below environment variables / system properties, so an explicit
 * {@code QUARKUS_*} setting still wins.
 */
public final class RuntimeSettings {

    /** Log categories that make up "the service's own categories". */
    public static final String OWN_LOG_CATEGORY = "io.fdl";
    /**
     * The signing secret earlier releases used by default in dev mode. It is public, so production
     * refuses it like a missing secret (dev mode no longer has a constant secret at all).
     */
    public static final String FORMER_DEV_SECRET = "fdl-dev-secret-do-not-use-in-production-000000";
    static final String RUST_CRATE = "fdl_runtime";
    private static final Set<String> LEVELS = Set.of("OFF", "FATAL", "ERROR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "ALL");

    /** Result: properties to add, warnings to log once, and fatal problems that forbid starting. */
    public record Derived(Map<String, String> properties, List<String> warnings, List<String> errors) {
        public boolean refused() { return !errors.isEmpty(); }

        /** The single line logged when refusing to start. */
        public String refusalMessage() {
            return "FDL Runtime refuses to start: " + String.join("; ", errors);
        }
    }

    private RuntimeSettings() {}

    /**
     * @param lookup raw value of a property or environment variable by name, {@code null} when unset
     */
    public static Derived derive(Function<String, String> lookup) {
        Map<String, String> props = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();

        boolean devMode = bool(value(lookup, "fdl.dev-mode"), true);
        boolean useDatabase = bool(value(lookup, "fdl.use-database"), false);

        // --- JWT secret (production refuses the dev default, missing or short secrets)
        if (!devMode) {
            String secret = value(lookup, "fdl.jwt-secret");
            if (secret == null || secret.isBlank() || secret.equals(FORMER_DEV_SECRET)) {
                errors.add("FDL_JWT_SECRET is not set or is the development default; set a secret of your own"
                        + " (at least " + FdlConfig.MIN_PROD_SECRET_LENGTH + " characters) when FDL_DEV_MODE=false");
            } else if (secret.length() < FdlConfig.MIN_PROD_SECRET_LENGTH) {
                errors.add("FDL_JWT_SECRET must be at least " + FdlConfig.MIN_PROD_SECRET_LENGTH
                        + " characters when FDL_DEV_MODE=false (it has " + secret.length() + ")");
            }
        }

        // --- database
        deriveDatabase(lookup, useDatabase, props, warnings, errors);
        Integer pool = positiveInt(lookup, "fdl.db-pool-size", "FDL_DB_POOL_SIZE", 10, errors);
        Integer timeout = positiveInt(lookup, "fdl.db-timeout", "FDL_DB_TIMEOUT", 30, errors);
        if (pool != null) props.put("quarkus.datasource.reactive.max-size", pool.toString());
        if (timeout != null) {
            props.put("quarkus.datasource.jdbc.acquisition-timeout", timeout + "S");
            // statement_timeout is a PostgreSQL run-time parameter sent in the start-up packet (milliseconds)
            props.put("quarkus.datasource.reactive.additional-properties.statement_timeout", Long.toString(timeout * 1000L));
        }

        // --- logging
        String level = logLevel(lookup, warnings, errors);
        if (level != null) props.put("quarkus.log.category.\"" + OWN_LOG_CATEGORY + "\".level", level);
        props.put("quarkus.log.console.json.enabled", Boolean.toString(bool(value(lookup, "fdl.log-json"), false)));

        // --- CORS
        List<String> origins = CorsPolicy.origins(devMode, value(lookup, "fdl.cors-origins"), errors);
        props.put("quarkus.http.cors.enabled", Boolean.toString(!origins.isEmpty()));
        if (!origins.isEmpty()) props.put("quarkus.http.cors.origins", String.join(",", origins));

        // --- request body limit (413 beyond)
        String maxBody = value(lookup, "fdl.max-body-bytes");
        long max = 1_048_576L;
        if (maxBody != null) {
            try {
                max = Long.parseLong(maxBody.trim());
                if (max < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                errors.add("FDL_MAX_BODY_BYTES must be a positive number of bytes (got '" + maxBody + "')");
            }
        }
        props.put("quarkus.http.limits.max-body-size", Long.toString(max));
        positiveLong(lookup, "fdl.run-max-bytes", "FDL_RUN_MAX_BYTES", errors);
        positiveLong(lookup, "fdl.run-max-steps", "FDL_RUN_MAX_STEPS", errors);

        return new Derived(Map.copyOf(props), List.copyOf(warnings), List.copyOf(errors));
    }

    private static void deriveDatabase(Function<String, String> lookup, boolean useDatabase, Map<String, String> props,
                                       List<String> warnings, List<String> errors) {
        String databaseUrl = value(lookup, "DATABASE_URL");
        if (databaseUrl == null) databaseUrl = value(lookup, "fdl.database-url");
        String explicitReactive = value(lookup, "quarkus.datasource.reactive.url");
        String explicitJdbc = value(lookup, "quarkus.datasource.jdbc.url");

        if (databaseUrl != null) {
            try {
                DatabaseUrl url = DatabaseUrl.parse(databaseUrl);
                props.put("quarkus.datasource.reactive.url", url.reactiveUrl());
                props.put("quarkus.datasource.jdbc.url", url.jdbcUrl());
                url.user().ifPresent(u -> props.put("quarkus.datasource.username", u));
                url.password().ifPresent(p -> props.put("quarkus.datasource.password", p));
                url.sslMode().ifPresent(mode -> {
                    props.put("quarkus.datasource.reactive.postgresql.ssl-mode", mode.libpqName());
                    switch (mode) {
                        // libpq semantics: encrypt, but do not verify the server certificate
                        case ALLOW, PREFER, REQUIRE -> props.put("quarkus.datasource.reactive.trust-all", "true");
                        // verify-full additionally checks the host name against the certificate
                        case VERIFY_FULL -> props.put("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS");
                        default -> { }
                    }
                });
                url.sslRootCert().ifPresent(c -> {
                    props.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
                    props.put("quarkus.datasource.reactive.trust-certificate-pem.certs", c);
                });
                if (!url.ignoredParameters().isEmpty()) {
                    warnings.add("DATABASE_URL parameters ignored: " + url.ignoredParameters().stream().sorted()
                            .collect(Collectors.joining(", ")));
                }
            } catch (DatabaseUrl.InvalidDatabaseUrlException e) {
                if (useDatabase && explicitReactive == null) {
                    errors.add("DATABASE_URL is not a usable PostgreSQL URL: " + e.getMessage());
                } else {
                    warnings.add("DATABASE_URL ignored, it is not a usable PostgreSQL URL: " + e.getMessage());
                }
            }
        } else if (explicitReactive != null) {
            // Only Quarkus properties given: derive the JDBC URL Flyway needs from the reactive one.
            if (explicitJdbc == null) {
                try {
                    props.put("quarkus.datasource.jdbc.url", DatabaseUrl.parse(explicitReactive).jdbcUrl());
                } catch (DatabaseUrl.InvalidDatabaseUrlException e) {
                    if (useDatabase) errors.add("quarkus.datasource.reactive.url is not a usable PostgreSQL URL: " + e.getMessage());
                }
            }
        } else if (useDatabase) {
            errors.add("FDL_USE_DATABASE=true but DATABASE_URL is not set (expected postgres://user:password@host:5432/database)");
        }
    }

    private static String logLevel(Function<String, String> lookup, List<String> warnings, List<String> errors) {
        String explicit = value(lookup, "fdl.log-level");
        String fromRust = null;
        String rustLog = value(lookup, "RUST_LOG");
        if (rustLog != null) {
            List<String> ignored = new ArrayList<>();
            String global = null;
            for (String directive : rustLog.split(",")) {
                String d = directive.trim();
                if (d.isEmpty()) continue;
                int eq = d.indexOf('=');
                if (eq < 0) {
                    // a bare level is env_logger's default for every crate, fdl_runtime included
                    if (rustLevel(d) != null) global = rustLevel(d);
                    else if (d.equals(RUST_CRATE)) fromRust = "TRACE"; // `fdl_runtime` alone enables everything
                    else ignored.add(d);
                } else if (d.substring(0, eq).trim().equals(RUST_CRATE) && rustLevel(d.substring(eq + 1)) != null) {
                    fromRust = rustLevel(d.substring(eq + 1));
                } else {
                    ignored.add(d);
                }
            }
            if (fromRust == null) fromRust = global;
            if (!ignored.isEmpty()) {
                warnings.add("RUST_LOG: only 'fdl_runtime=<level>' (or a bare level) is honoured; ignored: " + String.join(",", ignored));
            }
        }
        if (explicit != null) {
            String normalised = explicit.trim().toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(normalised)) {
                errors.add("FDL_LOG_LEVEL must be one of " + Arrays.asList("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF")
                        + " (got '" + explicit + "')");
                return null;
            }
            return normalised.equals("WARNING") ? "WARN" : normalised; // FDL_LOG_LEVEL wins over RUST_LOG
        }
        return fromRust != null ? fromRust : "INFO";
    }

    private static String rustLevel(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "off" -> "OFF";
            case "error" -> "ERROR";
            case "warn" -> "WARN";
            case "info" -> "INFO";
            case "debug" -> "DEBUG";
            case "trace" -> "TRACE";
            default -> null;
        };
    }

    /** Refuses a set but malformed or non-positive long (the typed mapping supplies the default). */
    private static void positiveLong(Function<String, String> lookup, String key, String env, List<String> errors) {
        String v = value(lookup, key);
        if (v == null) return;
        try {
            if (Long.parseLong(v.trim()) > 0) return;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(env + " must be a positive whole number (got '" + v + "')");
    }

    private static Integer positiveInt(Function<String, String> lookup, String key, String env, int def, List<String> errors) {
        String v = value(lookup, key);
        if (v == null) return def;
        try {
            int n = Integer.parseInt(v.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(env + " must be a positive whole number (got '" + v + "')");
        return null;
    }

    /** SmallRye's boolean rule: true, 1, yes, y, on (any case) are true; anything else false. */
    static boolean bool(String v, boolean def) {
        if (v == null) return def;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "y", "on" -> true;
            default -> false;
        };
    }

    /** Blank values count as unset (an empty {@code DATABASE_URL=} in a compose file). */
    private static String value(Function<String, String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? null : v;
    }
}
