package io.fdl.runtime.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Applies {@code FDL_DB_TIMEOUT} to the reactive pool where Quarkus has no property for it: the TCP
 * connect timeout and how long a caller waits for a free connection. (The statement timeout is sent as
 * the PostgreSQL {@code statement_timeout} parameter, see {@link RuntimeSettings}.) Only invoked when
 * the datasource is active.
 */
@ApplicationScoped
public class FdlPgPoolCreator implements PgPoolCreator {
    private final FdlConfig config;

    public FdlPgPoolCreator(FdlConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        int seconds = config.dbTimeout();
        PoolOptions options = input.poolOptions()
                .setConnectionTimeout(seconds)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS);
        input.pgConnectOptionsList().forEach(o -> o.setConnectTimeout((int) TimeUnit.SECONDS.toMillis(seconds)));
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), options);
    }
}
