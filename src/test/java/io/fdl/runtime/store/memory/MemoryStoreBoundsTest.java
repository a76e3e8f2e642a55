package io.fdl.runtime.store.memory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionFilter;
import io.fdl.runtime.store.ExecutionMode;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** FDL_MEMORY_MAX_EXECUTIONS: bounded history, oldest finished first, running ones kept. */
class MemoryStoreBoundsTest {
    private static final UUID TENANT = UUID.randomUUID();
    private static final Duration T = Duration.ofSeconds(10);

    private final MemoryStore store = new MemoryStore(3);

    @Test
    void theEarliestFinishedIsEvictedWithItsEventsAndIdempotencyKey() {
        Execution running = create("keep-running");
        List<Execution> done = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Execution e = create("key-" + i);
            appendEvents(e.id(), 3);
            done.add(finish(e));
        }
        // four finished, bound three: the first one to finish is gone, with its events and key
        UUID first = done.get(0).id();
        assertTrue(store.executions().find(TENANT, first).await().atMost(T).isEmpty());
        assertEquals(List.of(), store.events().list(TENANT, first, 0, 100).await().atMost(T));
        assertEquals(0L, store.events().lastSeq(TENANT, first).await().atMost(T));
        assertTrue(store.executions().findByIdempotencyKey(TENANT, "key-0").await().atMost(T).isEmpty());
        // the key can be used again once its execution is forgotten
        create("key-0");
        for (int i = 1; i < 4; i++) {
            UUID id = done.get(i).id();
            assertEquals(ExecutionStatus.COMPLETED, store.executions().find(TENANT, id).await().atMost(T).orElseThrow().status());
            assertEquals(3, store.events().list(TENANT, id, 0, 100).await().atMost(T).size());
            assertEquals(id, store.executions().findByIdempotencyKey(TENANT, "key-" + i).await().atMost(T).orElseThrow().id());
        }
        // a running execution is never evicted, however many finish after it
        assertEquals(ExecutionStatus.RUNNING, store.executions().find(TENANT, running.id()).await().atMost(T).orElseThrow().status());
        assertEquals(5, store.executions().list(TENANT, ExecutionFilter.ALL, 100, 0).await().atMost(T).total());
    }

    @Test
    void evictionOrderIsFinishOrderNotStartOrder() {
        Execution a = create(null);
        Execution b = create(null);
        finish(b);
        finish(a);
        for (int i = 0; i < 2; i++) finish(create(null));
        assertTrue(store.executions().find(TENANT, b.id()).await().atMost(T).isEmpty(), "b finished first");
        assertTrue(store.executions().find(TENANT, a.id()).await().atMost(T).isPresent());
    }

    @Test
    void theAuditLogIsBoundedToo() {
        int max = 3 * MemoryDatabase.AUDIT_PER_EXECUTION;
        for (int i = 0; i < max + 5; i++) {
            store.audit().append(new AuditEntry(UUID.randomUUID(), TENANT, null, "execution.start", "execution",
                    UUID.randomUUID().toString(), JsonNodeFactory.instance.objectNode().put("i", i), null, null)).await().atMost(T);
        }
        var page = store.audit().list(TENANT, null, 100, 0).await().atMost(T);
        assertEquals(max, page.total());
        assertTrue(page.items().stream().noneMatch(e -> e.details().get("i").asInt() < 5), "the oldest entries went first");
    }

    @Test
    void concurrentRunsKeepExactlyTheBoundAndNoRunningOne() throws Exception {
        MemoryStore big = new MemoryStore(100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<UUID>> running = new ArrayList<>();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(pool.submit(() -> create(big, null).id()));
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        Execution e = create(big, "k-" + UUID.randomUUID());
                        appendEvents(big, e.id(), 2);
                        finish(big, e);
                    }
                }));
            }
            for (Future<?> f : work) f.get(60, TimeUnit.SECONDS);
            var all = big.executions().list(TENANT, ExecutionFilter.ALL, 500, 0).await().atMost(T);
            assertEquals(108, all.total(), "100 finished + 8 running");
            for (Future<UUID> r : running) {
                assertTrue(big.executions().find(TENANT, r.get()).await().atMost(T).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Execution create(String key) {
        return create(store, key);
    }

    private Execution finish(Execution e) {
        return finish(store, e);
    }

    private void appendEvents(UUID id, int n) {
        appendEvents(store, id, n);
    }

    private static Execution create(MemoryStore s, String key) {
        return s.executions().create(Execution.start(UUID.randomUUID(), TENANT, null, "f", null, ExecutionStatus.RUNNING,
                ExecutionMode.NORMAL, JsonNodeFactory.instance.objectNode(), null, key, Instant.now())).await().atMost(T);
    }

    private static Execution finish(MemoryStore s, Execution e) {
        return s.executions().update(e.finish(ExecutionStatus.COMPLETED, JsonNodeFactory.instance.objectNode(), null,
                null, Instant.now()), ExecutionStatus.ACTIVE).await().atMost(T).orElseThrow();
    }

    private static void appendEvents(MemoryStore s, UUID id, int n) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            events.add(new StoredEvent(id, TENANT, i, "node_started", "a", JsonNodeFactory.instance.objectNode(), Instant.now()));
        }
        s.events().append(TENANT, events).await().atMost(T);
    }
}
