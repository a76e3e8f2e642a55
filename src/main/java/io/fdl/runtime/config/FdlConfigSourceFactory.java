package io.fdl.runtime.config;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.OptionalInt;

/**
 * Serves the Quarkus properties derived from the FDL_* variables (see {@link RuntimeSettings}) and
 * enforces the start-up refusals. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 *
 * <p>Why here: runtime configuration is built first thing when the application starts, before any
 * datasource, Flyway or HTTP server exists. A {@link ConfigurationException} thrown at that point makes
 * Quarkus print exactly its message (one line, no stack trace) and exit with status 1, which is the
 * "refuse to start with one clear line" behaviour api.md §1 asks for.
 *
 * <p>At build time (augmentation, {@link ExecutionMode#UNSET}) it contributes nothing, so nothing from
 * the build machine's environment (a DATABASE_URL with its password, for instance) can end up baked
 * into the packaged application.
 */
public class FdlConfigSourceFactory implements ConfigSourceFactory {
    /** Above application.properties (250), below environment variables (300) and system properties (400). */
    public static final int ORDINAL = 275;
    public static final String NAME = "FdlRuntimeSettings";

    private static volatile RuntimeSettings.Derived last;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (ExecutionMode.current() == ExecutionMode.UNSET) return List.of();
        RuntimeSettings.Derived derived = RuntimeSettings.derive(name -> {
            ConfigValue v = context.getValue(name);
            return v == null ? null : v.getValue();
        });
        last = derived;
        if (derived.refused()) throw new ConfigurationException(derived.refusalMessage());
        return List.of(new PropertiesConfigSource(derived.properties(), NAME, ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The settings of the running application (for start-up warnings and reports); null before start. */
    public static RuntimeSettings.Derived current() {
        return last;
    }
}
