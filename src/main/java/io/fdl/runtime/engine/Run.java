package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.CancellationSignal;
import io.fdl.runtime.engine.port.StepJournal;
import io.fdl.runtime.engine.port.ToolInvoker;
import io.fdl.runtime.gml.GmlException;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run: its state, its serial queue and its lifecycle (fdl.md §7.8). Every mutation happens in
 * a task of {@link #queue}; tool completions and timer firings re-enter through {@link #onQueue}.
 * Only the volatile status fields and {@link #ended} are read from other threads.
 */
final class Run implements RunHandle, CancellationSignal {
    private static final System.Logger LOG = System.getLogger(Run.class.getName());
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final String id;
    final CompiledFlow flow;
    final RunRequest request;
    final EngineLimits limits;
    final ToolInvoker invoker;
    final boolean mocked;
    private final FlowEngine engine;
    private final Scheduler scheduler;
    private final SerialQueue queue;
    private final Consumer<ExecutionEvent> listener;
    final ObjectNode inputs;
    final Scope top;
    final RunBudget budget;
    final StepJournal journal;
    BlockRun topBlock;
    /** A yield continuation is scheduled and has not run yet. */
    private boolean yielding;

    private record Ready(BlockRun block, int index) {}

    private final ArrayDeque<Ready> ready = new ArrayDeque<>();
    private int running;
    private boolean pumping;
    private final LinkedHashSet<NodeExec> active = new LinkedHashSet<>();
    private boolean activeDirty;

    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile RunStatus status = RunStatus.RUNNING;
    private volatile double progress;
    private volatile List<String> current = List.of();
    private volatile long wakeAt;
    private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();

    private long seq;
    final long startedAt;
    final long timeoutMs;
    private Scheduler.Cancellable runTimer = Scheduler.Cancellable.NOOP;
    private boolean runTimerArmed;

    private final ArrayList<NodeRecord> records = new ArrayList<>();
    private boolean recordsTruncated;
    private final ArrayList<CallRecord> calls;
    private final ArrayList<Long> openCalls;

    private List<Runnable> cancelCallbacks;
    private volatile boolean cancelSignalled;

    Run(FlowEngine engine, CompiledFlow flow, RunRequest request, ToolInvoker invoker, boolean mocked, ObjectNode inputs) {
        this.engine = engine;
        this.id = request.executionId();
        this.flow = flow;
        this.request = request;
        this.limits = engine.limits();
        this.scheduler = engine.scheduler();
        this.invoker = invoker;
        this.mocked = mocked;
        this.queue = new SerialQueue(engine.executor());
        this.listener = request.listener();
        this.inputs = inputs;
        RunQuota quota = request.quota() == null ? RunQuota.NONE : request.quota();
        this.budget = new RunBudget(quota.steps(limits.maxRunSteps()), quota.bytes(limits.maxRunBytes()), scheduler, engine.memory());
        this.top = new Scope(null, toMap(inputs), budget);
        this.journal = request.journal() == null ? StepJournal.NONE : request.journal();
        this.startedAt = request.startedAtMs() != null ? request.startedAtMs() : scheduler.nowMillis();
        this.timeoutMs = request.timeoutMs() != null && request.timeoutMs() > 0 ? request.timeoutMs() : limits.defaultRunTimeoutMs();
        this.calls = mocked ? new ArrayList<>() : null;
        this.openCalls = mocked ? new ArrayList<>() : null;
    }

    private static HashMap<String, JsonNode> toMap(ObjectNode o) {
        HashMap<String, JsonNode> m = new HashMap<>();
        o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    // ---------------------------------------------------------------- lifecycle

    void begin() {
        onQueue(() -> {
            if (events()) emit(ExecutionEvent.Type.STARTED, null, data().put("flow_name", flow.name()));
            top.hold(budget.sizeOf(inputs, 0));
            if (flow.flow().vars() != null) {
                try {
                    JsonNode v = flow.flow().vars().compiled().evaluate(top);
                    if (v instanceof ObjectNode o) o.fields().forEachRemaining(e -> top.putVar(e.getKey(), e.getValue()));
                } catch (GmlException e) {
                    fail(new ErrorInfo(e.limitExceeded() ? "LIMIT_EXCEEDED" : "EVAL_ERROR", Eval.failure(flow.flow().vars(), e).getMessage(), null));
                    return;
                }
            }
            topBlock = new BlockRun(this, flow.top(), top, null, "", "", List.of());
            topBlock.start();
        });
    }

    /** Runs {@code task} on this run's context unless the run has ended, then starts what became ready. */
    void onQueue(Runnable task) {
        queue.execute(() -> {
            if (ended.get()) return;
            try {
                task.run();
                pump();
            } catch (RunLimitExceeded e) {
                fail(new ErrorInfo("RUN_LIMIT_EXCEEDED", e.getMessage(), null));
            } catch (RuntimeException e) {
                // an engine bug must not leave the run hanging
                LOG.log(System.Logger.Level.ERROR, "run " + id + " failed internally", e);
                fail(new ErrorInfo("INTERNAL_ERROR", String.valueOf(e.getMessage()), null));
            }
            armRunTimer();
            publishStatus();
        });
    }

    /** A timer whose task runs on this run's context. */
    Scheduler.Cancellable schedule(long delayMs, Runnable task) {
        return scheduler.schedule(delayMs, () -> onQueue(task));
    }

    long now() { return scheduler.nowMillis(); }

    /** Back-off before attempt k (k >= 2): min(200 ms × 2^(k−2), 5 000 ms) × [1.0, 1.2) (§9.4). */
    long backoffMs(int k) {
        double base = Math.min(200.0 * Math.pow(2, k - 2), 5_000.0);
        double factor = 1.0 + 0.2 * Math.min(Math.max(engine.jitter().getAsDouble(), 0.0), 0.999_999);
        return (long) (base * factor);
    }

    void enqueueReady(BlockRun block, int index) {
        ready.add(new Ready(block, index));
    }

    /**
     * Starts ready nodes in readiness order while slots are free (§7.8); never re-entrant. A run
     * that computes for a whole slice ({@link RunBudget#SLICE_MS}) without waiting checks its
     * deadline and yields: the rest continues in a fresh task scheduled through the
     * {@link Scheduler}, so timers, cancellation and other runs on the same thread get their turn.
     */
    void pump() {
        if (pumping || yielding) return;
        pumping = true;
        try {
            while (!ended.get() && running < limits.maxRunningNodes() && !ready.isEmpty()) {
                if (budget.sliceUsed()) {
                    if (now() - startedAt >= timeoutMs) { timedOut(); return; }
                    yielding = true;
                    scheduler.defer(() -> onQueue(() -> { yielding = false; budget.newSlice(); }));
                    return;
                }
                Ready r = ready.poll();
                if (r.block.active && r.block.state[r.index] == BlockRun.READY) r.block.startNode(r.index);
            }
        } finally {
            pumping = false;
        }
    }

    /**
     * The run-duration timer is armed lazily, at the end of the first task that leaves the run
     * unfinished: a run that completes synchronously (mappings, immediate mock answers) never
     * touches the timer thread. The deadline still counts from the run's start.
     */
    private void armRunTimer() {
        if (runTimerArmed || ended.get()) return;
        runTimerArmed = true;
        long remaining = Math.max(0, startedAt + timeoutMs - now());
        runTimer = scheduler.schedule(remaining, () -> queue.execute(() -> { if (!ended.get()) timedOut(); }));
    }

    private void timedOut() {
        endRun(RunStatus.FAILED, new ErrorInfo("EXECUTION_TIMEOUT", "execution exceeded its time limit of " + timeoutMs + " ms", null), null);
    }

    void activate(NodeExec exec) {
        if (exec.usesSlot()) { exec.holdsSlot = true; running++; }
        active.add(exec);
        activeDirty = true;
    }

    void deactivate(NodeExec exec) {
        if (exec.holdsSlot) { exec.holdsSlot = false; running--; }
        if (active.remove(exec)) activeDirty = true;
    }

    private void publishStatus() {
        if (ended.get()) return;
        if (activeDirty) {
            List<String> l = new ArrayList<>(active.size());
            for (NodeExec e : active) l.add(e.indexedPath());
            current = List.copyOf(l);
            activeDirty = false;
        }
        boolean allWaiting = running > 0 && ready.isEmpty();
        if (allWaiting) {
            for (NodeExec e : active) if (e.holdsSlot && !e.waiting) { allWaiting = false; break; }
        }
        long wake = 0;
        if (allWaiting) {
            for (NodeExec e : active) {
                if (e.holdsSlot && e.timerDeadline > 0 && (wake == 0 || e.timerDeadline < wake)) wake = e.timerDeadline;
            }
        }
        wakeAt = wake;
        status = allWaiting ? RunStatus.WAITING : RunStatus.RUNNING;
    }

    void topResolved() {
        int total = flow.top().size();
        int done = topBlock.resolvedCount();
        progress = total == 0 ? 1.0 : (double) done / total;
        if (events()) {
            ObjectNode d = data();
            d.put("progress", progress);
            d.put("completed_nodes", done);
            d.put("total_nodes", total);
            emit(ExecutionEvent.Type.PROGRESS, null, d);
        }
    }

    /** The top-level block resolved every node: result (§11.1), shaping (§11.2), end. */
    void topCompleted() {
        JsonNode result = NullNode.instance;
        CompiledBlock b = flow.top();
        for (int t : b.terminalNodes()) {
            if (topBlock.state[t] == BlockRun.COMPLETED) {
                JsonNode v = top.nodes.get(b.node(t).id());
                if (v != null) result = v;
            }
        }
        CompiledFlow.Shaped shaped = flow.output().shape(result);
        if (shaped.problems() != null && !shaped.problems().isEmpty()) {
            endRun(RunStatus.FAILED, new ErrorInfo("OUTPUT_INVALID", String.join("; ", shaped.problems()), null), null);
        } else {
            endRun(RunStatus.COMPLETED, null, shaped.value() == null ? NullNode.instance : shaped.value());
        }
    }

    void fail(ErrorInfo error) {
        endRun(RunStatus.FAILED, error, null);
    }

    @Override
    public boolean cancel() {
        if (!ended.compareAndSet(false, true)) return false;
        queue.execute(() -> finish(RunStatus.CANCELLED, new ErrorInfo("CANCELLED", "execution cancelled", null), null));
        return true;
    }

    private void endRun(RunStatus st, ErrorInfo error, JsonNode result) {
        if (!ended.compareAndSet(false, true)) return; // a cancel won the race; its task finishes the run
        finish(st, error, result);
    }

    /** On the queue, after {@link #ended} was claimed: stop everything, build the outcome, emit the last event. */
    private void finish(RunStatus st, ErrorInfo error, JsonNode result) {
        runTimer.cancel();
        budget.close();
        ready.clear();
        if (topBlock != null && topBlock.active) topBlock.abandon();
        for (NodeExec e : new ArrayList<>(active)) e.abandon();
        if (st != RunStatus.COMPLETED) signalCancel();
        long end = now();
        ObjectNode context = F.objectNode();
        if (error != null && "RUN_LIMIT_EXCEEDED".equals(error.code())) {
            // an over-budget run keeps nothing: its values are what exhausted the budget
            top.vars.clear();
            top.nodes.clear();
            topBlock = null;
            if (calls != null) calls.clear();
        }
        top.vars.forEach(context::set);
        for (int i = 0; i < flow.top().size(); i++) {
            String nid = flow.top().node(i).id();
            JsonNode v = top.nodes.get(nid);
            if (v != null) context.set(nid, v);
        }
        if (st == RunStatus.COMPLETED) progress = 1.0;
        current = List.of();
        status = st;
        RunOutcome o = new RunOutcome(id, st, result == null ? NullNode.instance : result, context, error,
                calls == null ? null : List.copyOf(calls), List.copyOf(records), recordsTruncated, startedAt, end - startedAt);
        if (events()) {
            switch (st) {
                case COMPLETED -> { ObjectNode d = data(); d.set("outputs", o.result()); emit(ExecutionEvent.Type.COMPLETED, null, d); }
                case FAILED -> { ObjectNode d = data(); d.set("error", error.toJson()); emit(ExecutionEvent.Type.FAILED, null, d); }
                default -> emit(ExecutionEvent.Type.CANCELLED, null, data());
            }
        }
        outcome.complete(o);
    }

    // ---------------------------------------------------------------- records and events

    void record(BlockRun b, CompiledNode n, String outcome, Long start, Long end, int attempts, ErrorInfo err) {
        if (records.size() >= limits.maxNodeRecords()) { recordsTruncated = true; return; }
        records.add(new NodeRecord(b.path(n), b.iterations, n.kindName(), outcome, start, end, attempts, err));
    }

    /** Mocked runs: a call record in start order; returns its index (or -1). */
    int callStarted(String callKey, ObjectNode args, String node, int attempt) {
        if (calls == null) return -1;
        budget.charge(budget.sizeOf(args, 0)); // call records keep their arguments until the run ends
        calls.add(new CallRecord(callKey, args, node, attempt, false, null, 0));
        openCalls.add(now());
        return calls.size() - 1;
    }

    void callEnded(int index, long attemptStart, String code, String message) {
        if (index < 0 || openCalls.get(index) == null) return;
        openCalls.set(index, null);
        CallRecord c = calls.get(index);
        ObjectNode err = null;
        if (code != null) {
            err = F.objectNode();
            err.put("code", code);
            err.put("message", message == null ? "" : message);
        }
        calls.set(index, new CallRecord(c.uri(), c.args(), c.node(), c.attempt(), code == null, err, now() - attemptStart));
    }

    boolean events() { return listener != null; }

    ObjectNode data() { return F.objectNode(); }

    void emitStarted(BlockRun b, CompiledNode n) {
        if (!events()) return;
        ObjectNode d = data();
        d.put("kind", n.kindName());
        emitNode(ExecutionEvent.Type.NODE_STARTED, b, n, d);
    }

    /**
     * A node event: inside an each/loop body its data carries the iteration indexes, so every node
     * event of a run is unique by (type, node, iterations) — what a resumed run uses to tell the
     * events it already published from the ones it still owes.
     */
    void emitNode(ExecutionEvent.Type type, BlockRun b, CompiledNode n, ObjectNode d) {
        if (!b.iterations.isEmpty()) {
            var a = d.putArray("iterations");
            b.iterations.forEach(a::add);
        }
        emit(type, b.path(n), d);
    }

    /** Node outputs in events are cut to a preview when large (api.md §6.2); the outcome keeps the full value. */
    void putOutput(ObjectNode d, JsonNode value) {
        if (value == null) { d.putNull("output"); return; }
        if (value.isContainerNode() || value.isTextual()) {
            String text = BoundedJson.text(value, limits.eventOutputMaxChars());
            if (text.length() > limits.eventOutputMaxChars()) {
                d.put("output", text.substring(0, limits.eventOutputMaxChars()));
                d.put("truncated", true);
                return;
            }
        }
        d.set("output", value);
    }

    void emit(ExecutionEvent.Type type, String nodePath, ObjectNode data) {
        ExecutionEvent ev = new ExecutionEvent(id, ++seq, type, nodePath, data, Instant.ofEpochMilli(now()));
        try {
            listener.accept(ev);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "event listener failed for run " + id, e);
        }
    }

    // ---------------------------------------------------------------- CancellationSignal (flow:// children)

    @Override
    public boolean isCancelled() { return cancelSignalled; }

    @Override
    public void onCancel(Runnable callback) {
        boolean now;
        synchronized (this) {
            now = cancelSignalled;
            if (!now) {
                if (cancelCallbacks == null) cancelCallbacks = new ArrayList<>(1);
                cancelCallbacks.add(callback);
            }
        }
        if (now) callback.run();
    }

    private void signalCancel() {
        List<Runnable> cbs;
        synchronized (this) {
            cancelSignalled = true;
            cbs = cancelCallbacks;
            cancelCallbacks = null;
        }
        if (cbs != null) for (Runnable r : cbs) {
            try { r.run(); } catch (RuntimeException e) { LOG.log(System.Logger.Level.WARNING, "cancel callback failed", e); }
        }
    }

    // ---------------------------------------------------------------- RunHandle

    @Override public String executionId() { return id; }

    @Override public CompletionStage<RunOutcome> outcomeStage() { return outcome; }

    @Override public RunStatus status() { return status; }

    @Override public ObjectNode inputs() { return inputs.deepCopy(); }

    @Override public double progress() { return progress; }

    @Override public List<String> currentNodes() { return current; }

    @Override public long wakeAt() { return status == RunStatus.WAITING ? wakeAt : 0; }

    @Override
    public Uni<ObjectNode> snapshot() {
        return Uni.createFrom().emitter(em -> queue.execute(() -> {
            try {
                em.complete(RunSnapshot.of(this));
            } catch (RuntimeException e) {
                em.fail(e);
            }
        }));
    }

    // accessors for RunSnapshot
    List<NodeExec> activeExecs() { return new ArrayList<>(active); }
    int readyCount() { return ready.size(); }
    long seq() { return seq; }
}
