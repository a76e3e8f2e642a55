package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.RunStep;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.StoredEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The one event pipeline (ARCHITECTURE §3.4): the engine's listener hands every event here, and it
 * goes to metrics, to live subscribers ({@link ExecutionEventBus}) and to the persisted event log.
 *
 * <p>Persistence is batched and ordered per execution: events wait in an in-memory tail for a short
 * linger (so a quick run writes nothing until its end, where its events go with the final record in
 * one statement), one batch is in flight at a time. Each batch is a checkpoint: it carries the
 * run's completed steps recorded so far ({@link Sink#step}), fenced by the run's lease epoch — a step
 * is never stored later than the events that follow it, so a resumed run never re-calls a tool
 * whose completion was published. Readers see the tail too ({@link #tail}), so the log never
 * appears to lag behind the live stream. Batches are only written once the execution's record
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

    private final RunLedger ledger;
    private final ExecutionEventBus bus;
    private final RunMetrics metrics;
    private final Vertx vertx;
    private final Map<String, Sink> sinks = new ConcurrentHashMap<>();

    @Inject
    public EventPipeline(RunLedger ledger, ExecutionEventBus bus, RunMetrics metrics, Vertx vertx) {
        this.ledger = ledger;
        this.bus = bus;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /**
     * Where a resumed run stands: the events it already published (by {@link StoredEvent#key}) are
     * dropped when the replay emits them again; the others continue after {@code lastSeq}.
     */
    public record ResumePoint(Set<String> published, long lastSeq) {}

    /** What a sink has not written yet: the final write takes it with the run's end. */
    public record Batch(List<StoredEvent> events, List<RunStep> steps) {}

    /**
     * Opens the sink of an execution; pass {@link Sink} as the engine's listener.
     *
     * @param epoch    the lease epoch every write is fenced with
     * @param resume   null for a new run
     * @param onFenced called once when a checkpoint finds the run no longer ours (taken over, finished elsewhere)
     */
    public Sink open(UUID tenantId, UUID flowId, String executionId, long epoch, ResumePoint resume, Runnable onFenced) {
        Sink sink = new Sink(tenantId, flowId, executionId, epoch, resume, onFenced);
        sinks.put(executionId, sink);
        return sink;
    }

    /**
     * On shutdown, writes what is still lingering instead of waiting for timers that will never
     * fire; bounded so a dead database cannot hold the process. (Runs on the main thread.)
     */
    void onShutdown(@Observes ShutdownEvent ev) {
        flushAll(Duration.ofSeconds(5));
    }

    /** Checkpoints every live run now and waits (bounded) until nothing is in flight; not on an event loop. */
    public void flushAll(Duration bound) {
        sinks.values().forEach(Sink::flushNow);
        long deadline = System.currentTimeMillis() + bound.toMillis();
        while (System.currentTimeMillis() < deadline && sinks.values().stream().anyMatch(Sink::busy)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether the execution runs on this replica (its events reach the local bus directly). */
    public boolean isLocal(String executionId) {
        return sinks.containsKey(executionId);
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
        private final UUID executionUuid;
        private final long epoch;
        private final ResumePoint resume;
        private final Runnable onFenced;
        private long resumedSeq;
        private final ArrayDeque<ExecutionEvent> pending = new ArrayDeque<>();
        private final List<RunStep> steps = new ArrayList<>();
        private boolean ready;
        private boolean flushing;
        /** the end of the run took over writing: no more checkpoints */
        private boolean finishing;
        private boolean closed;
        private CompletableFuture<Void> idle;
        private long timerId = -1;
        private int failures;

        private Sink(UUID tenantId, UUID flowId, String executionId, long epoch, ResumePoint resume, Runnable onFenced) {
            this.tenantId = tenantId;
            this.flowId = flowId;
            this.executionId = executionId;
            this.executionUuid = UUID.fromString(executionId);
            this.epoch = epoch;
            this.resume = resume;
            this.onFenced = onFenced;
            this.resumedSeq = resume == null ? 0 : resume.lastSeq();
        }

        @Override
        public void accept(ExecutionEvent event) {
            synchronized (this) {
                if (closed) return;
                if (resume != null) {
                    if (resume.published().remove(StoredEvent.key(event.type().wire(), event.nodeId(), event.data()))) return;
                    event = new ExecutionEvent(event.executionId(), ++resumedSeq, event.type(), event.nodeId(), event.data(),
                            event.timestamp());
                }
                pending.addLast(event);
            }
            metrics.onEvent(event);
            bus.publish(new ExecutionEventBus.Envelope(tenantId.toString(), flowId == null ? null : flowId.toString(), event));
            if (!event.type().terminal()) schedule();
        }

        /** A completed step of the run (engine journal): checkpointed with the next batch. */
        public synchronized void step(String key, JsonNode outcome) {
            if (!closed) steps.add(new RunStep(key, outcome));
        }

        /** The execution row exists: batches may be written from now on. */
        public void recordReady() {
            synchronized (this) {
                ready = true;
            }
            schedule();
        }

        /** Stops tracking a run: nothing more is written (rejected at start, detached, fenced out). */
        public void discard() {
            synchronized (this) {
                pending.clear();
                steps.clear();
                ready = false;
                closed = true;
                if (idle != null) idle.complete(null);
            }
            sinks.remove(executionId, this);
        }

        /**
         * The run ended: no more checkpoints; completes once no batch is in flight. Then
         * {@link #remaining} is what the final write must carry, and {@link #discard} ends the sink.
         */
        public Uni<Void> quiesce() {
            CompletableFuture<Void> f;
            synchronized (this) {
                finishing = true;
                if (timerId >= 0) {
                    vertx.cancelTimer(timerId);
                    timerId = -1;
                }
                if (idle == null) idle = new CompletableFuture<>();
                f = idle;
                if (!flushing) f.complete(null);
            }
            return Uni.createFrom().completionStage(f);
        }

        public synchronized Batch remaining() {
            List<StoredEvent> events = new ArrayList<>(pending.size());
            for (ExecutionEvent e : pending) events.add(StoredEvent.of(tenantId, e));
            return new Batch(events, List.copyOf(steps));
        }

        public synchronized boolean busy() {
            return flushing || (ready && !finishing && !closed && (!pending.isEmpty() || !steps.isEmpty()));
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
                if (!ready || flushing || finishing || closed || (pending.isEmpty() && steps.isEmpty())) return;
                now = pending.size() >= MAX_BATCH;
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
            List<RunStep> stepBatch;
            synchronized (this) {
                if (flushing || !ready || finishing || closed || (pending.isEmpty() && steps.isEmpty())) return;
                flushing = true;
                for (ExecutionEvent e : pending) {
                    if (batch.size() == MAX_BATCH) break;
                    batch.add(StoredEvent.of(tenantId, e));
                }
                // every step recorded so far: a step may be stored before its event, never after
                stepBatch = List.copyOf(steps);
            }
            ledger.checkpoint(tenantId, executionUuid, epoch, batch, stepBatch).subscribe().with(ours -> {
                if (ours) written(batch.size(), stepBatch.size());
                else fenced();
            }, err -> {
                if (err instanceof StoreConflictException c && Constraints.EVENT_SEQ.equals(c.constraint())) {
                    // an earlier attempt did commit (timeout after commit): these seqs are stored already
                    written(batch.size(), stepBatch.size());
                } else {
                    retryLater(err);
                }
            });
        }

        private void written(int count, int stepCount) {
            synchronized (this) {
                for (int i = 0; i < count && !pending.isEmpty(); i++) pending.removeFirst();
                steps.subList(0, Math.min(stepCount, steps.size())).clear();
                flushing = false;
                failures = 0;
                if (finishing && idle != null) idle.complete(null);
            }
            schedule();
        }

        private void fenced() {
            LOG.infof("execution %s is no longer run by this replica (taken over or finished elsewhere)", executionId);
            discard();
            onFenced.run();
        }

        private void retryLater(Throwable err) {
            int n;
            synchronized (this) {
                flushing = false;
                n = ++failures;
                if (finishing && idle != null) idle.complete(null);
            }
            // the final write carries what is pending; until then it stays readable in the tail
            if (n == MAX_RETRIES) {
                LOG.errorf(err, "checkpoints of execution %s keep failing (%d attempts); still retrying", executionId, n);
            } else if (n < MAX_RETRIES) {
                LOG.warnf("persisting events of execution %s failed (attempt %d), retrying: %s", executionId, n,
                        err.toString());
            }
            vertx.setTimer(RETRY_MS, t -> flush());
        }
    }
}
