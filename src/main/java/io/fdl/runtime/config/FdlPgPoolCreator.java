package io.fdl.runtime.config;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Applies {@code FDL_DB_TIMEOUT} to the reactive pool where Quarkus has no property for it: the TCP
 * connect timeout. (The statement timeout is sent as the PostgreSQL {@code statement_timeout} parameter,
 * see {@link RuntimeSettings}.) The pool's own wait-for-connection timeout is deliberately left at the
 * Vert.x default: in Vert.x 4.5 its timer is not cancelled when a connect attempt fails first and then
 * logs "Result is already complete" errors while the database is down. Only invoked when the
 * datasource is active.
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
        input.pgConnectOptionsList().forEach(o -> o.setConnectTimeout((int) TimeUnit.SECONDS.toMillis(seconds)));
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
