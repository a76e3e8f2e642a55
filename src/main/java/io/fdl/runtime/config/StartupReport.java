package io.fdl.runtime.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Logs, once, how the service was configured: storage mode, dev mode, and the warnings collected while
 * translating the environment (ignored RUST_LOG directives, ignored DATABASE_URL parameters). Never
 * logs secrets or URLs with passwords.
 */
@ApplicationScoped
public class StartupReport {
    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    void onStart(@Observes StartupEvent event, FdlConfig config) {
        RuntimeSettings.Derived derived = FdlConfigSourceFactory.current();
        if (derived != null) derived.warnings().forEach(LOG::warn);
        LOG.infof("Storage: %s; dev mode: %s; max concurrent executions: %d",
                config.useDatabase() ? "postgres" : "memory", config.devMode(), config.maxConcurrentExecutions());
        if (config.devMode()) {
            LOG.warn("FDL_DEV_MODE=true: any login is accepted and CORS is open; set FDL_DEV_MODE=false in production");
        }
    }
}
