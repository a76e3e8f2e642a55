package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.StoredEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * The event pipeline's guarantees without Quarkus: ordered batched persistence, the live tail in
 * reads, and backlog-then-live following with no gap and no duplicate while events keep coming.
 */
class EventPipelineTest {
    private Vertx vertx;
    private SlowRepository repository;
    private ExecutionEventBus bus;
    private EventPipeline pipeline;
    private ExecutionEventLog log;
    private final UUID tenant = UUID.randomUUID();

    /** Appends complete after a random delay on another thread, like a real database. */
    static final class SlowRepository implements ExecutionEventRepository {
        final Map<UUID, TreeMap<Long, StoredEvent>> logs = new ConcurrentHashMap<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

        @Override
        public Uni<Void> append(UUID tenantId, List<StoredEvent> events) {
            batchSizes.add(events.size());
            return Uni.createFrom().voidItem()
                    .onItem().delayIt().by(Duration.ofMillis(ThreadLocalRandom.current().nextInt(1, 5)))
                    .invoke(() -> {
                        for (StoredEvent e : events) {
                            TreeMap<Long, StoredEvent> m = logs.computeIfAbsent(e.executionId(), k -> new TreeMap<>());
                            synchronized (m) {
                                if (m.containsKey(e.seq())) throw new IllegalStateException("duplicate seq " + e.seq());
                                if (!m.isEmpty() && m.lastKey() != e.seq() - 1) throw new IllegalStateException("gap before " + e.seq());
                                m.put(e.seq(), e);
                            }
                        }
                    });
        }

        @Override
        public Uni<List<StoredEvent>> list(UUID tenantId, UUID executionId, long afterSeq, int limit) {
            TreeMap<Long, StoredEvent> m = logs.getOrDefault(executionId, new TreeMap<>());
            synchronized (m) {
                return Uni.createFrom().item(m.tailMap(afterSeq, false).values().stream().limit(limit).toList());
            }
        }

        @Override
        public Uni<Long> lastSeq(UUID tenantId, UUID executionId) {
            return Uni.createFrom().item(0L);
        }
    }

    /** The checkpoints of the pipeline go to the slow repository; the epoch always matches. */
    static RunLedger ledgerOver(SlowRepository repository) {
        RunLedger base = new io.fdl.runtime.store.memory.MemoryStore().ledger();
        return new RunLedger() {
            @Override public Uni<io.fdl.runtime.store.Execution> start(io.fdl.runtime.store.Execution e, String o, com.fasterxml.jackson.databind.JsonNode r, UUID retryOf, io.fdl.runtime.store.AuditEntry a) { return base.start(e, o, r, retryOf, a); }
            @Override public Uni<Boolean> checkpoint(UUID t, UUID e, long epoch, List<StoredEvent> events, List<io.fdl.runtime.store.RunStep> steps) { return repository.append(t, events).replaceWith(true); }
            @Override public Uni<Boolean> progress(io.fdl.runtime.store.Execution p, long epoch) { return base.progress(p, epoch); }
            @Override public Uni<java.util.Optional<io.fdl.runtime.store.Execution>> finish(io.fdl.runtime.store.Execution d, long epoch, List<StoredEvent> events, List<io.fdl.runtime.store.RunStep> steps, io.fdl.runtime.store.AuditEntry a) { return repository.append(d.tenantId(), events).replaceWith(java.util.Optional.of(d)); }
            @Override public Uni<List<io.fdl.runtime.store.RunStep>> steps(UUID t, UUID e) { return base.steps(t, e); }
            @Override public Uni<List<UUID>> heartbeat(String r) { return base.heartbeat(r); }
            @Override public Uni<List<io.fdl.runtime.store.ClaimedRun>> claim(String r, Duration l, int n) { return base.claim(r, l, n); }
            @Override public Uni<Void> release(String r, List<UUID> ids) { return base.release(r, ids); }
            @Override public Uni<Boolean> park(UUID e, long epoch, Instant w) { return base.park(e, epoch, w); }
            @Override public Uni<Long> queued() { return base.queued(); }
            @Override public boolean shared() { return false; }
        };
    }

    /** What the end of a run does: wait for the checkpoint in flight, write the rest with the final record. */
    void finish(EventPipeline.Sink sink, UUID exec) {
        sink.quiesce().await().atMost(Duration.ofSeconds(5));
        EventPipeline.Batch rest = sink.remaining();
        repository.append(tenant, rest.events()).await().atMost(Duration.ofSeconds(5));
        sink.discard();
    }

    EventPipeline.Sink open(UUID flow, UUID exec) {
        return pipeline.open(tenant, flow, exec.toString(), 1, null, () -> { });
    }

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        repository = new SlowRepository();
        bus = new ExecutionEventBus();
        pipeline = new EventPipeline(ledgerOver(repository), bus, new RunMetrics(new io.fdl.runtime.health.FdlMetrics(new SimpleMeterRegistry(), null)), vertx);
        log = new ExecutionEventLog(repository, pipeline, bus, vertx, ledgerOver(repository));
    }

    @AfterEach
    void tearDown() {
        vertx.close();
    }

    static ExecutionEvent event(UUID exec, long seq, ExecutionEvent.Type type) {
        return new ExecutionEvent(exec.toString(), seq, type, seq % 2 == 0 ? "n" + seq : null,
                JsonNodeFactory.instance.objectNode().put("i", seq), Instant.now());
    }

    @Test
    void batchesAreOrderedAndAQuickRunIsOneWrite() {
        UUID exec = UUID.randomUUID();
        EventPipeline.Sink sink = open(UUID.randomUUID(), exec);
        for (long s = 1; s <= 9; s++) sink.accept(event(exec, s, ExecutionEvent.Type.NODE_STARTED));
        // nothing is written before the execution record exists, but readers already see the tail
        assertThat(repository.batchSizes, empty());
        assertThat(log.read(tenant, exec, 0, 100).await().indefinitely(), hasSize(9));
        sink.accept(event(exec, 10, ExecutionEvent.Type.COMPLETED));
        sink.recordReady();
        // the run ended within the linger: every event goes with the final record, in one write
        finish(sink, exec);
        assertThat(repository.batchSizes, contains(10));
        assertThat(log.read(tenant, exec, 3, 4).await().indefinitely().stream().map(ExecutionEvent::seq).toList(),
                contains(4L, 5L, 6L, 7L));
        assertThat(pipeline.tail(exec.toString(), 0), empty());
    }

    @Test
    void followerGetsBacklogThenLiveWithoutGapOrDuplicate() throws Exception {
        for (int round = 0; round < 10; round++) {
            UUID exec = UUID.randomUUID();
            EventPipeline.Sink sink = open(null, exec);
            sink.recordReady();
            int total = 400;
            long afterSeq = ThreadLocalRandom.current().nextInt(0, 50);
            List<Long> received = Collections.synchronizedList(new ArrayList<>());
            Thread producer = new Thread(() -> {
                for (long s = 1; s <= total; s++) {
                    sink.accept(event(exec, s, s == total ? ExecutionEvent.Type.COMPLETED : ExecutionEvent.Type.PROGRESS));
                    if (s % 37 == 0) {
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            producer.start();
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 5));
            ExecutionEventBus.Subscription sub = log.follow(tenant, exec, afterSeq, e -> received.add(e.seq()))
                    .await().atMost(Duration.ofSeconds(5));
            producer.join();
            await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() >= total - afterSeq);
            List<Long> expected = new ArrayList<>();
            for (long s = afterSeq + 1; s <= total; s++) expected.add(s);
            assertThat("round " + round, received, equalTo(expected));
            sub.close();
            finish(sink, exec);
            assertThat(repository.logs.get(exec).size(), equalTo(total));
        }
    }

    @Test
    void aResumedRunDropsWhatItPublishedAndContinuesTheSeq() {
        UUID exec = UUID.randomUUID();
        var published = new java.util.HashSet<String>();
        published.add(StoredEvent.key("started", null, JsonNodeFactory.instance.objectNode()));
        published.add(StoredEvent.key("node_started", "a", JsonNodeFactory.instance.objectNode()));
        published.add(StoredEvent.key("node_completed", "loop/b", JsonNodeFactory.instance.objectNode().set("iterations",
                JsonNodeFactory.instance.arrayNode().add(0))));
        EventPipeline.Sink sink = pipeline.open(tenant, null, exec.toString(), 2, new EventPipeline.ResumePoint(published, 3), () -> { });
        List<Long> live = new CopyOnWriteArrayList<>();
        bus.subscribe(new ExecutionEventBus.Topic.Execution(tenant.toString(), exec.toString()), e -> live.add(e.event().seq()));
        var f = JsonNodeFactory.instance;
        // the replay emits again what the first attempt published, then what it did not
        sink.accept(new ExecutionEvent(exec.toString(), 1, ExecutionEvent.Type.STARTED, null, f.objectNode(), Instant.now()));
        sink.accept(new ExecutionEvent(exec.toString(), 2, ExecutionEvent.Type.NODE_STARTED, "a", f.objectNode(), Instant.now()));
        sink.accept(new ExecutionEvent(exec.toString(), 3, ExecutionEvent.Type.NODE_COMPLETED, "loop/b",
                (com.fasterxml.jackson.databind.node.ObjectNode) f.objectNode().set("iterations", f.arrayNode().add(0)), Instant.now()));
        sink.accept(new ExecutionEvent(exec.toString(), 4, ExecutionEvent.Type.NODE_COMPLETED, "loop/b",
                (com.fasterxml.jackson.databind.node.ObjectNode) f.objectNode().set("iterations", f.arrayNode().add(1)), Instant.now()));
        sink.accept(new ExecutionEvent(exec.toString(), 5, ExecutionEvent.Type.COMPLETED, null, f.objectNode(), Instant.now()));
        sink.recordReady();
        finish(sink, exec);
        assertThat(live, contains(4L, 5L));
        assertThat(List.copyOf(repository.logs.get(exec).keySet()), contains(4L, 5L));
        assertThat(repository.logs.get(exec).get(4L).data().get("iterations").get(0).asInt(), equalTo(1));
    }

    @Test
    void busIsScopedByTenantAndFlow() {
        UUID exec = UUID.randomUUID();
        UUID flow = UUID.randomUUID();
        List<String> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(new ExecutionEventBus.Topic.Execution(UUID.randomUUID().toString(), exec.toString()), e -> seen.add("other-tenant"));
        bus.subscribe(new ExecutionEventBus.Topic.Flow(tenant.toString(), flow.toString()), e -> seen.add("flow"));
        bus.subscribe(new ExecutionEventBus.Topic.Tenant(tenant.toString()), e -> seen.add("tenant"));
        ExecutionEventBus.Subscription s = bus.subscribe(new ExecutionEventBus.Topic.Execution(tenant.toString(), exec.toString()),
                e -> { throw new RuntimeException("a failing listener must not disturb the others"); });
        bus.publish(new ExecutionEventBus.Envelope(tenant.toString(), flow.toString(), event(exec, 1, ExecutionEvent.Type.STARTED)));
        assertThat(seen, containsInAnyOrder("flow", "tenant"));
        s.close();
        assertThat(bus.subscriptionCount(), equalTo(3));
    }
}
