package io.fdl.runtime.service;

import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Reading an execution's event log: the persisted events plus the live tail that the pipeline has
 * not written yet, so a reader never sees the log lag behind the live stream. Callers check the
 * execution's tenant before (the repository is tenant-scoped as well).
 *
 * <p>Following a run that executes on ANOTHER replica (PostgreSQL mode): its live events never reach
 * this process's bus, so one poller per followed execution reads the stored log after the last seq
 * every {@value #REMOTE_POLL_MS} ms and publishes what it finds on the local bus — the event log is
 * the source of truth, shared by every follower of that execution here. The poller rests while the
 * run executes here (after a takeover the local pipeline publishes), and stops at the terminal event
 * or when the last follower leaves.
 */
@ApplicationScoped
public class ExecutionEventLog {
    private static final int PAGE = EventPipeline.MAX_BATCH;
    static final long REMOTE_POLL_MS = 200;

    private final ExecutionEventRepository repository;
    private final EventPipeline pipeline;
    private final ExecutionEventBus bus;
    private final Vertx vertx;
    private final boolean shared;
    private final Map<UUID, Remote> remotes = new ConcurrentHashMap<>();

    @Inject
    public ExecutionEventLog(ExecutionEventRepository repository, EventPipeline pipeline, ExecutionEventBus bus,
                             Vertx vertx, RunLedger ledger) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.bus = bus;
        this.vertx = vertx;
        this.shared = ledger.shared();
    }

    /** Events with {@code seq > afterSeq} in seq order, at most {@code limit}. */
    public Uni<List<ExecutionEvent>> read(UUID tenantId, UUID executionId, long afterSeq, int limit) {
        // the tail is taken BEFORE the store read: an event leaves the tail only after it is stored,
        // so every event is in the tail snapshot or in the store read (or both; merged by seq)
        List<ExecutionEvent> tail = pipeline.tail(executionId.toString(), afterSeq);
        return repository.list(tenantId, executionId, afterSeq, limit).map(stored -> merge(stored, tail, limit));
    }

    /**
     * Delivers every event with {@code seq > afterSeq} to {@code consumer}: first the backlog, then
     * live ones, in seq order, without gap or duplicate. The consumer runs on the publishing thread
     * and must not block (see {@link ExecutionEventBus}). The returned subscription stops delivery.
     */
    public Uni<ExecutionEventBus.Subscription> follow(UUID tenantId, UUID executionId, long afterSeq,
                                                     Consumer<ExecutionEvent> consumer) {
        Follower follower = new Follower(afterSeq, consumer);
        ExecutionEventBus.Subscription sub = bus.subscribe(
                new ExecutionEventBus.Topic.Execution(tenantId.toString(), executionId.toString()),
                env -> follower.live(env.event()));
        return readAll(tenantId, executionId, afterSeq, new ArrayList<>())
                .invoke(follower::caughtUp)
                .map(backlog -> {
                    boolean ended = !backlog.isEmpty() && backlog.get(backlog.size() - 1).type().terminal();
                    if (!shared || ended) return sub;
                    watch(tenantId, executionId, backlog.isEmpty() ? afterSeq : backlog.get(backlog.size() - 1).seq());
                    return (ExecutionEventBus.Subscription) () -> {
                        sub.close();
                        unwatch(executionId);
                    };
                })
                .onFailure().invoke(sub::close);
    }

    /** The poller of one followed execution (see the class comment). */
    private final class Remote {
        final UUID tenantId;
        final UUID executionId;
        long lastSeq;
        int followers;
        boolean reading;
        long timer = -1;

        Remote(UUID tenantId, UUID executionId, long lastSeq) {
            this.tenantId = tenantId;
            this.executionId = executionId;
            this.lastSeq = lastSeq;
        }

        void poll() {
            synchronized (this) {
                if (reading || pipeline.isLocal(executionId.toString())) return;
                reading = true;
            }
            repository.list(tenantId, executionId, lastSeq, PAGE).subscribe().with(events -> {
                boolean ended = false;
                for (StoredEvent e : events) {
                    ExecutionEvent ev = e.toExecutionEvent();
                    bus.publish(new ExecutionEventBus.Envelope(tenantId.toString(), null, ev));
                    synchronized (this) { lastSeq = Math.max(lastSeq, ev.seq()); }
                    ended |= ev.type().terminal();
                }
                synchronized (this) { reading = false; }
                if (ended) stopWatching(this);
            }, err -> { synchronized (this) { reading = false; } });
        }
    }

    private void watch(UUID tenantId, UUID executionId, long lastSeq) {
        remotes.compute(executionId, (id, r) -> {
            if (r == null) {
                r = new Remote(tenantId, executionId, lastSeq);
                Remote remote = r;
                r.timer = vertx.setPeriodic(REMOTE_POLL_MS, t -> remote.poll());
            }
            r.followers++;
            return r;
        });
    }

    private void unwatch(UUID executionId) {
        remotes.computeIfPresent(executionId, (id, r) -> {
            if (--r.followers > 0) return r;
            vertx.cancelTimer(r.timer);
            return null;
        });
    }

    private void stopWatching(Remote r) {
        if (remotes.remove(r.executionId, r)) vertx.cancelTimer(r.timer);
    }

    private Uni<List<ExecutionEvent>> readAll(UUID tenantId, UUID executionId, long afterSeq, List<ExecutionEvent> acc) {
        return read(tenantId, executionId, afterSeq, PAGE).chain(page -> {
            acc.addAll(page);
            if (page.size() < PAGE) return Uni.createFrom().item(acc);
            return readAll(tenantId, executionId, page.get(page.size() - 1).seq(), acc);
        });
    }

    static List<ExecutionEvent> merge(List<StoredEvent> stored, List<ExecutionEvent> tail, int limit) {
        TreeMap<Long, ExecutionEvent> bySeq = new TreeMap<>();
        for (StoredEvent s : stored) bySeq.put(s.seq(), s.toExecutionEvent());
        for (ExecutionEvent e : tail) bySeq.putIfAbsent(e.seq(), e);
        List<ExecutionEvent> out = new ArrayList<>(Math.min(limit, bySeq.size()));
        for (ExecutionEvent e : bySeq.values()) {
            if (out.size() == limit) break;
            out.add(e);
        }
        return out;
    }

    /**
     * Buffers live events until the backlog is delivered, then passes them through in seq order:
     * an event that arrives ahead of a missing one (a resumed run publishing here while the poller
     * still brings what the previous replica stored) waits for it; seq ≤ last is dropped.
     */
    private static final class Follower {
        private final Consumer<ExecutionEvent> consumer;
        private final List<ExecutionEvent> buffer = new ArrayList<>();
        private final TreeMap<Long, ExecutionEvent> ahead = new TreeMap<>();
        private long lastSeq;
        private boolean caughtUp;

        Follower(long afterSeq, Consumer<ExecutionEvent> consumer) {
            this.lastSeq = afterSeq;
            this.consumer = consumer;
        }

        synchronized void live(ExecutionEvent e) {
            if (caughtUp) deliver(e);
            else buffer.add(e);
        }

        synchronized void caughtUp(List<ExecutionEvent> backlog) {
            backlog.forEach(this::deliver);
            buffer.forEach(this::deliver);
            buffer.clear();
            caughtUp = true;
        }

        private void deliver(ExecutionEvent e) {
            if (e.seq() <= lastSeq) return;
            if (e.seq() > lastSeq + 1 && lastSeq > 0) {
                ahead.put(e.seq(), e);
                return;
            }
            lastSeq = e.seq();
            consumer.accept(e);
            ExecutionEvent next;
            while ((next = ahead.remove(lastSeq + 1)) != null) {
                lastSeq = next.seq();
                consumer.accept(next);
            }
            ahead.headMap(lastSeq, true).clear();
        }
    }
}
