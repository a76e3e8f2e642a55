package io.fdl.runtime.service;

import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.ExecutionEventRepository;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoredEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one event pipeline (ARCHITECTURE §3.4): the engine's listener hands every event here, and it
 * goes to metrics, to live subscribers ({@link ExecutionEventBus}) and to the persisted event log.
 *
 * <p>Persistence is batched and ordered per execution: events wait in an in-memory tail for a short
 * linger (so a quick run writes all its events in one statement), one batch is in flight at a time,
 * and the terminal event flushes at once. Readers see the tail too ({@link #tail}), so the log
 * never appears to lag behind the live stream. Batches are only written once the execution's record
 * exists ({@link Sink#recordReady}).
 */
@ApplicationScoped
public class EventPipeline {
    private static final Logger LOG = Logger.getLogger(EventPipeline.class);
    /** how long a non-terminal event may wait to share a batch */
    static final long LINGER_MS = 50;
    static final int MAX_BATCH = 500;
    private static final long RETRY_MS = 1_000;
    private static final int MAX_RETRIES = 60;

    private final ExecutionEventRepository repository;
    private final ExecutionEventBus bus;
    private final RunMetrics metrics;
    private final Vertx vertx;
    private final Map<String, Sink> sinks = new ConcurrentHashMap<>();

    @Inject
    public EventPipeline(ExecutionEventRepository repository, ExecutionEventBus bus, RunMetrics metrics, Vertx vertx) {
        this.repository = repository;
        this.bus = bus;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /** Opens the sink of a new execution; pass {@link Sink} as the engine's listener. */
    public Sink open(UUID tenantId, UUID flowId, String executionId) {
        Sink sink = new Sink(tenantId, flowId, executionId);
        sinks.put(executionId, sink);
        return sink;
    }

    /**
     * On shutdown, writes what is still lingering instead of waiting for timers that will never
     * fire; bounded so a dead database cannot hold the process. (Runs on the main thread.)
     */
    void onShutdown(@Observes ShutdownEvent ev) {
        sinks.values().forEach(Sink::flushNow);
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline && sinks.values().stream().anyMatch(Sink::hasPending)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Events of a live execution not yet confirmed persisted, with {@code seq > afterSeq}, in order. */
    public List<ExecutionEvent> tail(String executionId, long afterSeq) {
        Sink s = sinks.get(executionId);
        return s == null ? List.of() : s.pendingAfter(afterSeq);
    }

    /** Per-execution stage of the pipeline. Thread-safe; the engine calls {@link #accept} serially. */
    public final class Sink implements Consumer<ExecutionEvent> {
        private final UUID tenantId;
        private final UUID flowId;
        private final String executionId;
        private final ArrayDeque<ExecutionEvent> pending = new ArrayDeque<>();
        private final CompletableFuture<Void> drained = new CompletableFuture<>();
        private boolean ready;
        private boolean flushing;
        private boolean terminalSeen;
        private long timerId = -1;
        private int failures;

        private Sink(UUID tenantId, UUID flowId, String executionId) {
            this.tenantId = tenantId;
            this.flowId = flowId;
            this.executionId = executionId;
        }

        @Override
        public void accept(ExecutionEvent event) {
            synchronized (this) {
                pending.addLast(event);
                if (event.type().terminal()) terminalSeen = true;
            }
            metrics.onEvent(event);
            bus.publish(new ExecutionEventBus.Envelope(tenantId.toString(), flowId == null ? null : flowId.toString(), event));
            schedule();
        }

        /** The execution row exists: batches may be written from now on. */
        public void recordReady() {
            synchronized (this) {
                ready = true;
            }
            schedule();
        }

        /**
         * Completes when the terminal event and everything before it are persisted (or persisting
         * was given up after repeated store failures, which is logged).
         */
        public Uni<Void> drained() {
            return Uni.createFrom().completionStage(drained);
        }

        /** Stops tracking a run that never got a record (rejected at start): nothing is written. */
        public void discard() {
            synchronized (this) {
                pending.clear();
                ready = false;
            }
            sinks.remove(executionId, this);
            drained.complete(null);
        }

        synchronized boolean hasPending() {
            return ready && !pending.isEmpty();
        }

        void flushNow() {
            flush();
        }

        synchronized List<ExecutionEvent> pendingAfter(long afterSeq) {
            List<ExecutionEvent> out = new ArrayList<>();
            for (ExecutionEvent e : pending) if (e.seq() > afterSeq) out.add(e);
            return out;
        }

        private void schedule() {
            boolean now;
            synchronized (this) {
                if (!ready || flushing || pending.isEmpty()) return;
                now = terminalSeen || pending.size() >= MAX_BATCH;
                if (!now) {
                    if (timerId >= 0) return;
                    timerId = vertx.setTimer(LINGER_MS, t -> {
                        synchronized (this) {
                            timerId = -1;
                        }
                        flush();
                    });
                    return;
                }
                if (timerId >= 0) {
                    vertx.cancelTimer(timerId);
                    timerId = -1;
                }
            }
            flush();
        }

        private void flush() {
            List<StoredEvent> batch = new ArrayList<>();
            synchronized (this) {
                if (flushing || !ready || pending.isEmpty()) return;
                flushing = true;
                for (ExecutionEvent e : pending) {
                    if (batch.size() == MAX_BATCH) break;
                    batch.add(StoredEvent.of(tenantId, e));
                }
            }
            repository.append(tenantId, batch).subscribe().with(ok -> written(batch.size()), err -> {
                if (err instanceof StoreConflictException c && Constraints.EVENT_SEQ.equals(c.constraint())) {
                    // an earlier attempt did commit (timeout after commit): these seqs are stored already
                    written(batch.size());
                } else {
                    retryLater(err);
                }
            });
        }

        private void written(int count) {
            boolean done;
            synchronized (this) {
                for (int i = 0; i < count && !pending.isEmpty(); i++) pending.removeFirst();
                flushing = false;
                failures = 0;
                done = terminalSeen && pending.isEmpty();
            }
            if (done) finishSink();
            else schedule();
        }

        private void retryLater(Throwable err) {
            int n;
            synchronized (this) {
                flushing = false;
                n = ++failures;
            }
            if (n > MAX_RETRIES) {
                LOG.errorf(err, "giving up persisting %d events of execution %s", pendingAfter(0).size(), executionId);
                synchronized (this) {
                    pending.clear();
                }
                finishSink();
                return;
            }
            LOG.warnf("persisting events of execution %s failed (attempt %d), retrying: %s", executionId, n,
                    err.toString());
            vertx.setTimer(RETRY_MS, t -> flush());
        }

        private void finishSink() {
            sinks.remove(executionId, this);
            drained.complete(null);
        }
    }
}
