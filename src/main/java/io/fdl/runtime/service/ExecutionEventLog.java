package io.fdl.runtime.service;

import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reading an execution's event log: the persisted events plus the live tail that the pipeline has
 * not written yet, so a reader never sees the log lag behind the live stream. Callers check the
 * execution's tenant before (the repository is tenant-scoped as well).
 */
@ApplicationScoped
public class ExecutionEventLog {
    private static final int PAGE = EventPipeline.MAX_BATCH;

    private final ExecutionEventRepository repository;
    private final EventPipeline pipeline;
    private final ExecutionEventBus bus;

    @Inject
    public ExecutionEventLog(ExecutionEventRepository repository, EventPipeline pipeline, ExecutionEventBus bus) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.bus = bus;
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
                .map(x -> sub)
                .onFailure().invoke(sub::close);
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

    /** Buffers live events until the backlog is delivered, then passes them through; drops seq ≤ last. */
    private static final class Follower {
        private final Consumer<ExecutionEvent> consumer;
        private final List<ExecutionEvent> buffer = new ArrayList<>();
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
            lastSeq = e.seq();
            consumer.accept(e);
        }
    }
}
