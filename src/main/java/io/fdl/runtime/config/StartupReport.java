package io.fdl.runtime.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Logs, once, how the service was configured: storage mode, dev mode, and the warnings collected while
 * translating the environment (ignored RUST_LOG directives, ignored DATABASE_URL parameters). Never
 * logs secrets or URLs with passwords.
 */
@ApplicationScoped
public class StartupReport {
    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    void onStart(@Observes StartupEvent event, FdlConfig config,
                 @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        RuntimeSettings.Derived derived = FdlConfigSourceFactory.current();
        if (derived != null) derived.warnings().forEach(LOG::warn);
        LOG.infof("Storage: %s; dev mode: %s; max concurrent executions: %d",
                config.useDatabase() ? "postgres" : "memory", config.devMode(), config.maxConcurrentExecutions());
        if (config.devMode()) {
            LOG.warn("FDL_DEV_MODE=true: requests without credentials act as admin of tenant 'default', any login is "
                    + "accepted for that tenant and CORS is open; set FDL_DEV_MODE=false in production");
            if (!isLoopback(host)) {
                LOG.warnf("FDL_DEV_MODE=true while listening on %s (not loopback): anyone who can reach this port is "
                        + "admin of tenant 'default'; set FDL_HOST=127.0.0.1 or FDL_DEV_MODE=false", host);
            }
        }
    }

    /** 127.0.0.0/8, ::1 and localhost; a wildcard or any other address is reachable from elsewhere. */
    static boolean isLoopback(String host) {
        String h = host == null ? "" : host.trim().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
