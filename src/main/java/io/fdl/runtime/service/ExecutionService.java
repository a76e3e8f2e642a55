package io.fdl.runtime.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.engine.CompiledFlow;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.engine.InvalidInputsException;
import io.fdl.runtime.engine.RunHandle;
import io.fdl.runtime.engine.RunOutcome;
import io.fdl.runtime.engine.RunQuota;
import io.fdl.runtime.engine.RunRequest;
import io.fdl.runtime.engine.Scheduler;
import io.fdl.runtime.engine.mock.MockInvoker;
import io.fdl.runtime.engine.port.StepJournal;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.ClaimedRun;
import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionFilter;
import io.fdl.runtime.store.ExecutionMode;
import io.fdl.runtime.store.ExecutionRepository;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.ExecutionSummary;
import io.fdl.runtime.store.FlowVersionRepository;
import io.fdl.runtime.store.Page;
import io.fdl.runtime.store.RunLedger;
import io.fdl.runtime.store.RunStep;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.Transactions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts, observes, cancels, resumes and redrives executions (api.md §5, issue 12).
 *
 * <p>Life of an execution: inputs are prepared first (a rejection stores nothing) → a per-replica
 * slot is taken (429 beyond {@code FDL_MAX_CONCURRENT_EXECUTIONS}; in PostgreSQL mode an async run
 * is queued instead, for any replica to claim) → the record is created as {@code running}, owned by
 * this replica at lease epoch 1, together with its audit line, in one statement ({@link RunLedger};
 * the idempotency key is unique per tenant, so concurrent retries resolve to one execution) → the
 * engine starts with the event pipeline as its listener and journal, on its own Vert.x context (the
 * request's event loop for a sync run) → while it runs, the pipeline checkpoints its events and
 * completed steps, and {@link Checkpoints} its progress → when it ends, the last events, steps,
 * the final record and the audit line are ONE statement, so a client that got the sync response can
 * read the same outcome from any replica, after any restart. A short sync run costs two commits.
 *
 * <p>A run whose replica died is claimed by another ({@code Leases}) and {@link #resume resumed}:
 * the engine re-walks the flow from its start, replaying the recorded steps instead of executing
 * them, and the pipeline drops the events already published, so the log continues without gap or
 * duplicate.
 */
@ApplicationScoped
public class ExecutionService {
    private static final Logger LOG = Logger.getLogger(ExecutionService.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    public static final String DIRECT = "direct";

    /** What to run: a stored version (flowId/versionId set) or a direct definition (both null). */
    public record Target(UUID flowId, UUID versionId, String flowName, CompiledFlow compiled) {}

    /** One execute request after authorisation. */
    public record Command(Caller caller, Target target, JsonNode inputs, boolean async, JsonNode mocks,
                          Long timeoutMs, String idempotencyKey) {}

    /** The answer to an execute request: the record, finished for sync requests when possible. */
    public record Started(Execution execution, boolean finished) {}

    /**
     * A run executing on this replica, at lease {@code epoch}. {@code detached}: the run stopped
     * here without an end of its own (taken over, finished elsewhere, released at shutdown) — nothing
     * more is written for it from this replica.
     */
    record LiveRun(Execution record, RunHandle handle, Uni<Execution> finished, long epoch, EventPipeline.Sink sink,
                   java.util.concurrent.atomic.AtomicBoolean detached, boolean async) {}

    /** The journal and resume point of a resumed or redriven run. */
    private record Continuation(Map<String, JsonNode> steps, EventPipeline.ResumePoint point) {}

    private final FlowService flows;
    private final FlowVersionRepository versions;
    private final DefinitionCache cache;
    private final ExecutionRepository executions;
    private final EventPipeline pipeline;
    private final RunStarter engine;
    private final Transactions tx;
    private final Audit audit;
    private final FdlConfig config;
    private final Scheduler engineScheduler;
    private final RunMetrics metrics;
    private final RunLedger ledger;
    private final Replica replica;
    private final Map<UUID, LiveRun> live = new ConcurrentHashMap<>();
    private final AtomicInteger slots = new AtomicInteger();
    @Inject
    FinalRecords finals;

    @Inject
    public ExecutionService(FlowService flows, FlowVersionRepository versions, DefinitionCache cache,
                            ExecutionRepository executions, EventPipeline pipeline, RunStarter engine,
                            Transactions tx, Audit audit, FdlConfig config, Scheduler engineScheduler, RunMetrics metrics,
                            RunLedger ledger, Replica replica) {
        this.flows = flows;
        this.versions = versions;
        this.cache = cache;
        this.executions = executions;
        this.pipeline = pipeline;
        this.engine = engine;
        this.tx = tx;
        this.audit = audit;
        this.config = config;
        this.engineScheduler = engineScheduler;
        this.metrics = metrics;
        this.ledger = ledger;
        this.replica = replica;
    }

    // ---- targets ---------------------------------------------------------------------------

    /** The latest version of a flow ({@code versionId} null) or the given one. */
    public Uni<Target> storedTarget(Caller caller, UUID flowId, UUID versionId) {
        return flows.find(caller, flowId).chain(flow -> (versionId == null
                        ? versions.latest(caller.tenantId(), flowId)
                        : versions.find(caller.tenantId(), flowId, versionId))
                .map(v -> v.orElseThrow(() -> versionId == null
                        ? ApiException.notFound("Flow has no version to run")
                        : Ids.notFound("Version")))
                .chain(v -> cache.compiled(v).map(compiled -> new Target(flowId, v.id(), flow.name(), compiled))));
    }

    /**
     * The published version of a flow, for the published-flow API (api.md §7, its error codes):
     * 404 {@code flow_not_found}, 403 {@code flow_not_published}. Then {@link #execute} as usual.
     */
    public Uni<Target> publishedTarget(Caller caller, UUID flowId) {
        return flows.findOptional(caller, flowId).chain(found -> {
            io.fdl.runtime.store.Flow flow = found.orElseThrow(() -> new ApiException(404, "flow_not_found", "Flow not found"));
            if (!flow.published() || flow.publishedVersionId() == null) {
                throw new ApiException(403, "flow_not_published", "Flow is not published");
            }
            return versions.find(caller.tenantId(), flowId, flow.publishedVersionId())
                    .map(v -> v.orElseThrow(() -> new ApiException(403, "flow_not_published", "Flow is not published")))
                    .chain(v -> cache.compiled(v).map(compiled -> new Target(flowId, v.id(), flow.name(), compiled)));
        });
    }

    /** A definition sent with the request (POST /api/execute/run): validated, compiled, not stored. */
    public static Target directTarget(CompiledFlow compiled) {
        return new Target(null, null, compiled.name(), compiled);
    }

    // ---- start -----------------------------------------------------------------------------

    public Uni<Started> execute(Command cmd) {
        Caller caller = cmd.caller();
        long timeoutMs = effectiveTimeout(cmd.timeoutMs());
        JsonNode inputs = cmd.inputs() == null || cmd.inputs().isNull() ? F.objectNode() : cmd.inputs();
        Uni<Optional<Execution>> existing = cmd.idempotencyKey() == null ? Uni.createFrom().item(Optional.empty())
                : executions.findByIdempotencyKey(caller.tenantId(), cmd.idempotencyKey());
        return existing.chain(found -> {
            if (found.isPresent()) return replay(found.get(), cmd.async());
            ObjectNode prepared = prepareOrReject(cmd, inputs);
            return audit.checkExecutionQuota(caller.tenantId())
                    .chain(quota -> start(cmd, prepared, inputs, timeoutMs, quota));
        });
    }

    /**
     * The engine's own pre-start checks (inputs fdl.md §4, mocks tools.md §6.4), done before anything is
     * stored so a rejected request leaves no trace: 400 INVALID_INPUTS with every problem.
     */
    private ObjectNode prepareOrReject(Command cmd, JsonNode inputs) {
        List<String> problems = new java.util.ArrayList<>();
        if (cmd.mocks() != null) problems.addAll(MockInvoker.parse(cmd.mocks(), engineScheduler).problems());
        ObjectNode values = null;
        if (!inputs.isObject()) {
            problems.add("inputs: must be a JSON object");
        } else {
            CompiledFlow.Prepared p = cmd.target().compiled().inputs()
                    .prepare(inputs, cmd.caller().tenantClaim(), cmd.caller().buCode());
            if (p.problems() != null) problems.addAll(p.problems());
            values = p.values();
        }
        if (!problems.isEmpty()) throw invalidInputs(problems);
        return values;
    }

    private Uni<Started> start(Command cmd, ObjectNode preparedInputs, JsonNode suppliedInputs, long timeoutMs, RunQuota quota) {
        Caller caller = cmd.caller();
        boolean queued = !tryAcquireSlot();
        if (queued && !(cmd.async() && ledger.shared())) throw tooManyExecutions();
        Target t = cmd.target();
        ExecutionMode mode = cmd.mocks() != null ? ExecutionMode.TEST : ExecutionMode.NORMAL;
        UUID id = UUID.randomUUID();
        Execution record = Execution.start(id, caller.tenantId(), t.flowId(), t.flowName(), t.versionId(),
                queued ? ExecutionStatus.PENDING : ExecutionStatus.RUNNING, mode, preparedInputs, null,
                cmd.idempotencyKey(), Instant.now());
        JsonNode resume = resumeData(new RunResume(caller, suppliedInputs, cmd.mocks(), timeoutMs, 0), preparedInputs);
        Uni<Execution> created = queued ? checkQueue().chain(() -> ledger.start(record, null, resume, null,
                audit.entry(caller, "execution.start", "execution", id, startDetails(t, mode))))
                : ledger.start(record, replica.id(), resume, null,
                audit.entry(caller, "execution.start", "execution", id, startDetails(t, mode)));
        return created
                .onFailure().invoke(() -> { if (!queued) releaseSlot(); })
                .onFailure(StoreConflictException.class).recoverWithUni(e -> {
                    if (!Constraints.EXECUTION_IDEMPOTENCY_KEY.equals(((StoreConflictException) e).constraint())) {
                        return Uni.createFrom().failure(e);
                    }
                    // a concurrent request with the same key won the race: answer with its execution
                    return executions.findByIdempotencyKey(caller.tenantId(), cmd.idempotencyKey())
                            .map(o -> o.orElseThrow(() -> (StoreConflictException) e));
                })
                .chain(c -> {
                    if (!c.id().equals(id)) return replay(c, cmd.async());
                    if (queued) return Uni.createFrom().item(new Started(c, false)); // any replica claims it
                    return launch(cmd, c, suppliedInputs, timeoutMs, 0, true, quota, 1, null);
                });
    }

    /** What the row keeps for another replica to resume the run; memory mode has no other replica, so nothing. */
    private JsonNode resumeData(RunResume resume, JsonNode preparedInputs) {
        return ledger.shared() ? resume.toJson(preparedInputs) : null;
    }

    /** 429 QUEUE_FULL when the cluster's queue of async runs is at {@code FDL_QUEUE_MAX}. */
    private Uni<Void> checkQueue() {
        int max = config.durability().queueMax();
        return ledger.queued().invoke(n -> {
            if (n >= max) {
                throw ApiException.tooManyRequests("QUEUE_FULL", "The execution queue is full (" + max + "); retry later", 1);
            }
        }).replaceWithVoid();
    }

    private Uni<Started> launch(Command cmd, Execution record, JsonNode suppliedInputs, long timeoutMs, int flowDepth,
                                boolean holdsSlot, RunQuota quota, long epoch, Continuation continuation) {
        Caller caller = cmd.caller();
        Runnable release = holdsSlot ? this::releaseSlot : () -> { };
        UUID id = record.id();
        EventPipeline.Sink sink = pipeline.open(caller.tenantId(), record.flowId(), id.toString(), epoch,
                continuation == null ? null : continuation.point(), () -> lost(id));
        NodeReport report = NodeReport.of(cmd.target().compiled());
        Map<String, JsonNode> recorded = continuation == null ? Map.of() : continuation.steps();
        StepJournal journal = new StepJournal() {
            @Override public JsonNode recorded(String key) { return recorded.get(key); }
            @Override public void record(String key, JsonNode outcome) { sink.step(key, outcome); }
        };
        RunRequest request = new RunRequest(id.toString(), suppliedInputs, caller.tenantClaim(), caller.buCode(),
                cmd.mocks(), timeoutMs, flowDepth, report.listener(sink), quota, journal,
                continuation == null ? null : record.startedAt().toEpochMilli());
        RunHandle handle;
        try {
            handle = report.handle(engine.start(cmd.target().compiled(), request, !cmd.async()));
        } catch (InvalidInputsException e) {
            // malformed mocks are only detected by the engine: the record exists, so it ends as failed
            sink.discard();
            release.run();
            return finishRejected(caller, record, epoch, e).chain(x -> Uni.createFrom().failure(invalidInputs(e.problems())));
        } catch (RuntimeException e) {
            sink.discard();
            release.run();
            return finishRejected(caller, record, epoch, e).chain(x -> Uni.createFrom().failure(e));
        }
        sink.recordReady();
        java.util.concurrent.atomic.AtomicBoolean detached = new java.util.concurrent.atomic.AtomicBoolean();
        Uni<Execution> finished = handle.outcome()
                .invoke(metrics::onOutcome)
                .chain(outcome -> detached.get() ? stored(record) : persistOutcome(caller, record, epoch, sink, outcome))
                .eventually(() -> {
                    live.remove(id);
                    release.run();
                });
        RunEnd<Execution> end = new RunEnd<>();
        live.put(id, new LiveRun(record, handle, end.uni(), epoch, sink, detached, cmd.async()));
        // drive the end of the run regardless of whether a client waits for it
        finished.subscribe().with(end::complete, err -> {
            LOG.errorf(err, "finishing execution %s failed", id);
            end.fail(err);
        });
        if (cmd.async()) return Uni.createFrom().item(new Started(record, false));
        return end.uni().map(e -> new Started(e, true));
    }

    private Uni<Execution> stored(Execution record) {
        return executions.find(record.tenantId(), record.id()).map(o -> o.orElse(record))
                .onFailure().recoverWithItem(record);
    }

    /**
     * The final record of a finished run, with the events and steps not checkpointed yet, in one
     * statement; {@link FinalRecords} makes sure it is terminal even when storing fails.
     */
    private Uni<Execution> persistOutcome(Caller caller, Execution record, long epoch, EventPipeline.Sink sink,
                                          RunOutcome outcome) {
        boolean test = record.mode() == ExecutionMode.TEST;
        ObjectNode result = ExecutionResults.of(outcome, test);
        Instant completedAt = Instant.ofEpochMilli(outcome.startedAt() + outcome.durationMs());
        Execution done = record.finish(ExecutionResults.status(outcome.status()), result,
                outcome.error() == null ? null : outcome.error().message(),
                outcome.error() == null ? null : outcome.error().toJson(), completedAt);
        String auditType = switch (outcome.status()) {
            case FAILED -> "execution.fail";
            case CANCELLED -> "execution.cancel";
            default -> null;
        };
        AuditEntry entry = auditType == null ? null
                : audit.entry(caller, auditType, "execution", done.id(), errorDetails(outcome));
        return sink.quiesce().chain(() -> finals.write(record.id(), () -> {
            EventPipeline.Batch rest = sink.remaining();
            return writeFinal(done, epoch, rest, entry);
        }, () -> {
            String message = "the execution finished but its result could not be stored";
            ObjectNode failure = ExecutionResults.failure(FinalRecords.STORAGE_ERROR, message, outcome.durationMs(), test);
            return record.finish(ExecutionStatus.FAILED, failure, message, failure.get("error_detail"), completedAt);
        }, failed -> writeFinal(failed, epoch, sink.remaining(),
                audit.entry(caller, "execution.fail", "execution", failed.id(), Map.of("code", FinalRecords.STORAGE_ERROR)))))
                .eventually(sink::discard);
    }

    private Uni<Execution> writeFinal(Execution done, long epoch, EventPipeline.Batch rest, AuditEntry entry) {
        return ledger.finish(done, epoch, rest.events(), rest.steps(), entry)
                // finished (cancelled) or taken over elsewhere first: that record wins
                .chain(updated -> updated.isPresent() ? Uni.createFrom().item(updated.get()) : stored(done));
    }

    private Uni<Execution> finishRejected(Caller caller, Execution record, long epoch, RuntimeException e) {
        String code = e instanceof InvalidInputsException ? InvalidInputsException.CODE : "INTERNAL";
        String message = e instanceof InvalidInputsException ? e.getMessage() : "the run could not start";
        ObjectNode result = ExecutionResults.failure(code, message, 0, record.mode() == ExecutionMode.TEST);
        Execution done = record.finish(ExecutionStatus.FAILED, result, message, result.get("error_detail"), Instant.now());
        return ledger.finish(done, epoch, List.of(), List.of(),
                        audit.entry(caller, "execution.fail", "execution", record.id(), Map.of("code", code)))
                .map(o -> o.orElse(done))
                .onFailure().recoverWithItem(done);
    }

    /**
     * Runs a flow:// child (tools.md §5): a separate execution linked to its parent, with its own
     * record and events, one level deeper. Children do not take a replica slot (a parent holding
     * the last slot must not deadlock on its child) but do count against the tenant's daily quota.
     * Cancelling the parent cancels the child. Completes with the child's final record.
     */
    public Uni<Execution> runChild(Caller caller, Target target, JsonNode inputs, long timeoutMs, int flowDepth,
                                   UUID parentExecutionId, io.fdl.runtime.engine.port.CancellationSignal parentCancel) {
        Command cmd = new Command(caller, target, inputs, false, null, timeoutMs, null);
        JsonNode supplied = inputs == null || inputs.isNull() ? F.objectNode() : inputs;
        ObjectNode prepared = prepareOrReject(cmd, supplied);
        UUID id = UUID.randomUUID();
        Execution record = Execution.start(id, caller.tenantId(), target.flowId(), target.flowName(), target.versionId(),
                ExecutionStatus.RUNNING, ExecutionMode.NORMAL, prepared, parentExecutionId, null, Instant.now());
        JsonNode resume = resumeData(new RunResume(caller, supplied, null, timeoutMs, flowDepth), prepared);
        return audit.checkExecutionQuota(caller.tenantId())
                .chain(quota -> ledger.start(record, replica.id(), resume, null,
                                audit.entry(caller, "execution.start", "execution", id, startDetails(target, ExecutionMode.NORMAL)))
                        .chain(created -> {
                            Uni<Started> started = launch(cmd, created, supplied, timeoutMs, flowDepth, false, quota, 1, null);
                            LiveRun run = live.get(id);
                            if (run != null && parentCancel != null) parentCancel.onCancel(() -> run.handle().cancel());
                            return started;
                        }))
                .map(Started::execution)
                // the caller abandoned the call (attempt timeout, parent failed): stop the child too
                .onCancellation().invoke(() -> cancelLocal(id));
    }

    /** Cancels a live run of this replica (a flow:// child whose call was abandoned). */
    public void cancelLocal(UUID executionId) {
        LiveRun run = live.get(executionId);
        if (run != null) run.handle().cancel();
    }

    /** An earlier execution answering a retried request with the same Idempotency-Key. */
    private Uni<Started> replay(Execution existing, boolean async) {
        // the answer keeps the shape the retry asked for: async → 202 with the current status
        if (async) return Uni.createFrom().item(new Started(existing, false));
        if (existing.status().terminal()) return Uni.createFrom().item(new Started(existing, true));
        LiveRun run = live.get(existing.id());
        if (run == null) return Uni.createFrom().item(new Started(existing, false)); // runs on another replica
        return run.finished().map(e -> new Started(e, true));
    }

    // ---- read ------------------------------------------------------------------------------

    /** The stored record, overlaid with the live progress when the run executes here. */
    public Uni<Execution> status(Caller caller, UUID executionId) {
        return find(caller, executionId).map(this::withLiveState);
    }

    public Uni<Execution> find(Caller caller, UUID executionId) {
        return executions.find(caller.tenantId(), executionId)
                .map(o -> o.orElseThrow(() -> Ids.notFound("Execution")));
    }

    public Uni<Page<ExecutionSummary>> list(Caller caller, UUID flowId, ExecutionStatus status, int limit, int offset) {
        Paging.check(limit, offset);
        return executions.list(caller.tenantId(), new ExecutionFilter(flowId, status), limit, offset)
                .map(page -> new Page<>(page.items().stream().map(this::withLiveState).toList(), page.total(),
                        page.limit(), page.offset()));
    }

    private Execution withLiveState(Execution e) {
        LiveRun run = live.get(e.id());
        if (run == null || e.status().terminal()) return e;
        RunHandle h = run.handle();
        ExecutionStatus s = ExecutionResults.status(h.status());
        if (s.terminal()) return e; // finishing: the final record is being written
        return e.withProgress(s, h.progress(), h.currentNodes(), e.snapshot());
    }

    private ExecutionSummary withLiveState(ExecutionSummary s) {
        LiveRun run = live.get(s.id());
        if (run == null || s.status().terminal()) return s;
        ExecutionStatus st = ExecutionResults.status(run.handle().status());
        if (st.terminal()) return s;
        return new ExecutionSummary(s.id(), s.flowId(), s.flowName(), s.versionId(), st, s.mode(),
                run.handle().progress(), s.startedAt(), s.completedAt(), s.durationMs());
    }

    // ---- cancel ----------------------------------------------------------------------------

    /**
     * Cancels a running execution. Here: the engine stops its timers and abandons its calls, and the
     * answer comes once the final record is written. On another replica (or orphaned by a crash):
     * the stored record is set to cancelled with a compare-and-set; the owning replica notices at
     * its next checkpoint and stops the run. 409 when it already finished.
     */
    public Uni<Execution> cancel(Caller caller, UUID executionId) {
        return find(caller, executionId).chain(e -> {
            if (e.status().terminal()) throw alreadyFinished(e);
            LiveRun run = live.get(e.id());
            if (run != null) {
                if (!run.handle().cancel()) {
                    return run.finished().map(done -> {
                        if (done.status() != ExecutionStatus.CANCELLED) throw alreadyFinished(done);
                        return done;
                    });
                }
                return run.finished();
            }
            long duration = Math.max(0, Instant.now().toEpochMilli() - e.startedAt().toEpochMilli());
            ObjectNode result = ExecutionResults.failure("CANCELLED", "execution cancelled", duration,
                    e.mode() == ExecutionMode.TEST);
            Execution done = e.finish(ExecutionStatus.CANCELLED, result, "execution cancelled",
                    result.get("error_detail"), Instant.now());
            return tx.inTransaction(() -> executions.update(done, ExecutionStatus.ACTIVE)
                    .call(o -> o.isPresent() ? audit.record(caller, "execution.cancel", "execution", e.id(), null)
                            : Uni.createFrom().voidItem()))
                    .map(o -> o.orElseThrow(() -> alreadyFinished(e)));
        });
    }

    // ---- durability: takeover, detach, redrive ------------------------------------------------

    /**
     * Resumes a run this replica claimed (its owner died, it was queued, or its wait is over): the
     * flow is re-walked from the start with the recorded steps replayed, under the new lease epoch.
     * The caller must have checked {@link #freeSlots}. A run that cannot be resumed — a direct run,
     * whose definition is not stored, or a version that is gone — ends as failed (EXECUTION_LOST).
     */
    public Uni<Void> resume(ClaimedRun claimed) {
        Execution r = claimed.record();
        RunResume data = RunResume.of(claimed.resume(), r.tenantId(), r.inputs(), effectiveTimeout(null));
        if (r.versionId() == null || r.flowId() == null) {
            return lostForGood(r, claimed.epoch(), "a direct run's definition is not stored, so it cannot be resumed");
        }
        return versions.find(r.tenantId(), r.flowId(), r.versionId()).chain(v -> {
            if (v.isEmpty()) return lostForGood(r, claimed.epoch(), "the flow version it ran was deleted");
            return cache.compiled(v.get()).chain(compiled -> {
                if (!tryAcquireSlot()) {
                    return ledger.release(replica.id(), List.of(r.id()));
                }
                Target target = new Target(r.flowId(), r.versionId(), r.flowName(), compiled);
                Command cmd = new Command(data.caller(), target, data.suppliedInputs(), true, data.mocks(),
                        data.timeoutMs(), r.idempotencyKey());
                Map<String, JsonNode> steps = new HashMap<>();
                for (RunStep st : claimed.steps()) steps.put(st.key(), st.outcome());
                Continuation cont = claimed.lastSeq() == 0 && steps.isEmpty() ? null
                        : new Continuation(steps, new EventPipeline.ResumePoint(new HashSet<>(claimed.eventKeys()), claimed.lastSeq()));
                metrics.onResumed(r.status() == ExecutionStatus.PENDING);
                LOG.infof("execution %s %s on replica %s (epoch %d, %d recorded steps)", r.id(),
                        r.status() == ExecutionStatus.PENDING ? "starts from the queue" : "resumes", replica.id(),
                        claimed.epoch(), steps.size());
                return launch(cmd, r, data.suppliedInputs(), data.timeoutMs(), data.flowDepth(), true, null,
                        claimed.epoch(), cont).replaceWithVoid()
                        .onFailure().invoke(e -> LOG.warnf("resuming execution %s failed: %s", r.id(), e.toString()))
                        .onFailure().recoverWithNull().replaceWithVoid();
            });
        });
    }

    private Uni<Void> lostForGood(Execution r, long epoch, String why) {
        LOG.warnf("execution %s cannot be resumed: %s; it ends as failed", r.id(), why);
        long duration = Math.max(0, Instant.now().toEpochMilli() - r.startedAt().toEpochMilli());
        ObjectNode result = ExecutionResults.failure("EXECUTION_LOST", "the execution was interrupted and " + why,
                duration, r.mode() == ExecutionMode.TEST);
        Execution done = r.finish(ExecutionStatus.FAILED, result, result.path("error").asText(null),
                result.get("error_detail"), Instant.now());
        return ledger.finish(done, epoch, List.of(), List.of(), null).replaceWithVoid();
    }

    /**
     * Durable waits: an async run whose every branch waits on a timer further away than
     * {@code FDL_PARK_AFTER_SECONDS}, with everything checkpointed, gives up its lease until shortly
     * before it wakes ({@code wake_at}) and leaves this replica — a run waiting an hour costs a row, no
     * memory, no slot. The replica that claims it at {@code wake_at} replays it; its timer fires at the
     * recorded deadline. Sync runs (a client waits here) and flow:// children stay.
     */
    Uni<Void> parkIfIdle(LiveRun run) {
        long wake = run.handle().wakeAt();
        long now = System.currentTimeMillis();
        if (!ledger.shared() || !run.async() || run.record().parentExecutionId() != null || wake == 0
                || wake - now < config.durability().parkAfterSeconds() * 1000L || run.sink().busy()) {
            return Uni.createFrom().voidItem();
        }
        Instant wakeAt = Instant.ofEpochMilli(wake - PARK_LEAD_MS);
        return ledger.park(run.record().id(), run.epoch(), wakeAt).invoke(parked -> {
            if (parked) {
                LOG.debugf("execution %s parked until %s", run.record().id(), wakeAt);
                detach(run);
            }
        }).replaceWithVoid();
    }

    /** A parked run is claimed this long before its timer, so the resumed run is ready when it fires. */
    private static final long PARK_LEAD_MS = 1_500;

    /** A checkpoint found the run no longer ours: stop the local copy without writing anything more. */
    private void lost(UUID executionId) {
        LiveRun run = live.get(executionId);
        if (run != null) {
            metrics.onLeaseLost();
            detach(run);
        }
    }

    /** Runs this replica holds that were finished elsewhere (a cancel on another replica): stop them here. */
    public void finishedElsewhere(List<UUID> executionIds) {
        for (UUID id : executionIds) {
            LiveRun run = live.get(id);
            if (run != null) {
                LOG.infof("execution %s was finished elsewhere; stopping the local run", id);
                detach(run);
            }
        }
    }

    private static void detach(LiveRun run) {
        if (!run.detached().compareAndSet(false, true)) return;
        run.sink().discard();
        run.handle().cancel();
    }

    /**
     * Graceful shutdown: the runs still here are checkpointed (the caller flushed the pipeline) and
     * stopped without an end; answers their ids, whose leases the caller releases.
     */
    public List<UUID> detachAll() {
        List<UUID> ids = new java.util.ArrayList<>();
        for (LiveRun run : List.copyOf(live.values())) {
            ids.add(run.record().id());
            detach(run);
        }
        return ids;
    }

    /**
     * Redrive (POST /api/execute/{id}/retry): a failed or cancelled execution of a stored flow runs
     * again as a NEW execution linked to it ({@code retry_of}), on the same version with the same
     * inputs, reusing the recorded results of the tool calls that succeeded — only the failed step
     * and what follows run again. 409 when the execution did not fail or was not cancelled, 422 for
     * a direct run (its definition is not stored).
     */
    public Uni<Started> redrive(Caller caller, UUID executionId, boolean async) {
        return find(caller, executionId).chain(old -> {
            if (old.status() != ExecutionStatus.FAILED && old.status() != ExecutionStatus.CANCELLED) {
                throw ApiException.conflict("EXECUTION_NOT_RETRYABLE",
                        "Only a failed or cancelled execution can be retried; this one is " + old.status().wire());
            }
            if (old.versionId() == null || old.flowId() == null) {
                throw new ApiException(422, "EXECUTION_NOT_RETRYABLE",
                        "A direct run cannot be retried: its definition is not stored");
            }
            if (old.mode() == ExecutionMode.TEST) {
                throw new ApiException(422, "EXECUTION_NOT_RETRYABLE",
                        "A test run cannot be retried: run it again with its mocks");
            }
            return storedTarget(caller, old.flowId(), old.versionId()).chain(target -> ledger.steps(caller.tenantId(), old.id())
                    .chain(steps -> audit.checkExecutionQuota(caller.tenantId()).chain(quota -> {
                        if (!tryAcquireSlot()) throw tooManyExecutions();
                        Map<String, JsonNode> reuse = new HashMap<>();
                        // successful calls only: failed calls run again, and waits wait again from now
                        for (RunStep st : steps) if (st.key().startsWith("call:") && st.outcome().has("ok")) reuse.put(st.key(), st.outcome());
                        UUID id = UUID.randomUUID();
                        Execution record = Execution.start(id, caller.tenantId(), old.flowId(), old.flowName(), old.versionId(),
                                ExecutionStatus.RUNNING, old.mode(), old.inputs(), null, null, Instant.now());
                        long timeoutMs = effectiveTimeout(null);
                        JsonNode resume = resumeData(new RunResume(caller, old.inputs(), null, timeoutMs, 0), old.inputs());
                        Map<String, Object> details = new HashMap<>(startDetails(target, old.mode()));
                        details.put("retry_of", old.id().toString());
                        Command cmd = new Command(caller, target, old.inputs(), async, null, timeoutMs, null);
                        return ledger.start(record, replica.id(), resume, old.id(), audit.entry(caller, "execution.retry", "execution", id, details))
                                .onFailure().invoke(this::releaseSlot)
                                .chain(created -> launch(cmd, created, old.inputs(), timeoutMs, 0, true, quota, 1,
                                        new Continuation(reuse, null)));
                    })));
        });
    }

    // ---- checkpoints (used by Checkpoints) ----------------------------------------------------

    /** Live runs of this replica (checkpointing, health). */
    Map<UUID, LiveRun> liveRuns() {
        return live;
    }

    public int runningCount() {
        return live.size();
    }

    public long waitingCount() {
        return live.values().stream().filter(r -> r.handle().status() == io.fdl.runtime.engine.RunStatus.WAITING).count();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private long effectiveTimeout(Long requested) {
        long max = Math.max(1, config.executionTimeout()) * 1000L;
        if (requested == null) return max;
        if (requested <= 0) throw ApiException.badRequest("BAD_REQUEST", "timeout_ms must be positive");
        // the operator's FDL_EXECUTION_TIMEOUT is a ceiling a request cannot raise
        return Math.min(requested, max);
    }

    private boolean tryAcquireSlot() {
        if (slots.incrementAndGet() > config.maxConcurrentExecutions()) {
            slots.decrementAndGet();
            return false;
        }
        return true;
    }

    /** Free run slots of this replica (what it may claim). */
    public int freeSlots() {
        return Math.max(0, config.maxConcurrentExecutions() - slots.get());
    }

    private ApiException tooManyExecutions() {
        return ApiException.tooManyRequests("TOO_MANY_EXECUTIONS",
                "This replica already runs " + config.maxConcurrentExecutions() + " executions; retry later", 1);
    }

    private void releaseSlot() {
        slots.decrementAndGet();
    }

    private static ApiException invalidInputs(List<String> problems) {
        return ApiException.badRequest(InvalidInputsException.CODE, "Invalid inputs: " + String.join("; ", problems))
                .with("validation_errors", problems);
    }

    private static ApiException alreadyFinished(Execution e) {
        return ApiException.conflict("EXECUTION_FINISHED", "Execution already finished with status " + e.status().wire());
    }

    private static Map<String, Object> startDetails(Target t, ExecutionMode mode) {
        return Map.of("flow_id", t.flowId() == null ? DIRECT : t.flowId().toString(),
                "version_id", t.versionId() == null ? "" : t.versionId().toString(), "mode", mode.wire());
    }

    private static Map<String, Object> errorDetails(RunOutcome outcome) {
        return outcome.error() == null ? Map.of()
                : Map.of("code", outcome.error().code(), "message", outcome.error().message());
    }

    static boolean isTerminal(ExecutionEvent e) {
        return e.type().terminal();
    }
}
