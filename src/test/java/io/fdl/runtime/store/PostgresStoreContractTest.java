package io.fdl.runtime.store;

import io.fdl.runtime.store.postgres.PostgresStore;
import io.fdl.runtime.testsupport.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract against the real PostgreSQL ($FDL_TEST_DB, cleaned and migrated by Flyway at start),
 * plus what only a database can do: roll back, and go away.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresStoreContractTest extends StoreContractTest {
    @Inject
    io.vertx.core.Vertx vertx;

    @Override
    protected boolean transactionsRollBack() {
        return true;
    }

    @Test
    void postgresAdapterIsActive() {
        assertEquals(StoreKind.POSTGRES, kind);
    }

    private io.vertx.mutiny.sqlclient.Pool poolTo(int port) {
        PgConnectOptions connect = new PgConnectOptions().setHost("127.0.0.1").setPort(port).setDatabase("fdl")
                .setUser("fdl").setPassword("fdl").setConnectTimeout(2000);
        return io.vertx.mutiny.sqlclient.Pool.newInstance(
                io.vertx.pgclient.PgPool.pool(vertx, connect, new PoolOptions().setMaxSize(1)));
    }

    @Test
    void refusedConnectionIsStoreUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        } // nothing listens there any more
        io.vertx.mutiny.sqlclient.Pool pool = poolTo(closedPort);
        try {
            ExecutionEventRepository dead = PostgresStore.eventsOn(vertx, pool, Duration.ofSeconds(10));
            long start = System.nanoTime();
            assertThrows(StoreUnavailableException.class, () -> await(dead.list(UUID.randomUUID(), UUID.randomUUID(),
                    0, 10)));
            assertThrows(StoreUnavailableException.class, () -> await(dead.append(UUID.randomUUID(), List.of())
                    .chain(() -> dead.lastSeq(UUID.randomUUID(), UUID.randomUUID()))));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "failed fast, no hang");
        } finally {
            pool.close().await().atMost(Duration.ofSeconds(10));
        }
    }

    @Test
    void silentServerIsStoreUnavailableAfterTheTimeout() throws Exception {
        // accepts connections and never answers: the store timeout must end the wait
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (Exception ignored) {
                    // socket closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            io.vertx.mutiny.sqlclient.Pool pool = poolTo(silent.getLocalPort());
            try {
                ExecutionEventRepository hung = PostgresStore.eventsOn(vertx, pool, Duration.ofMillis(500));
                StoreUnavailableException e = assertThrows(StoreUnavailableException.class,
                        () -> await(hung.lastSeq(UUID.randomUUID(), UUID.randomUUID())));
                assertTrue(e.getMessage().contains("longer than"), e.getMessage());
            } finally {
                // drop the half-open connections first: closing a pool that waits on a handshake
                // would wait for it
                silent.close();
                for (Socket s : held) s.close();
                pool.close().await().atMost(Duration.ofSeconds(10));
            }
        }
    }
}
