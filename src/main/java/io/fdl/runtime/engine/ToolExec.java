package io.fdl.runtime.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.engine.port.ToolCall;
import io.fdl.runtime.engine.port.ToolException;
import io.fdl.runtime.fdl.ExecUri;
import io.fdl.runtime.fdl.Node;
import io.fdl.runtime.gml.GmlException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * A tool call node (§6.3, §9): phase A (args, URI interpolation), attempts with a per-attempt
 * timeout and exponential back-off for retryable codes, then phase C (bind the raw result under
 * the node id, sets, with, publish).
 */
final class ToolExec extends NodeExec {
    private final Node.ToolCall def;
    private ObjectNode args;
    private ToolCall template;
    private long timeoutMs;
    private int attempt;
    private long attemptStart;
    private int callRecord = -1;
    private Cancellable inflight;
    private Scheduler.Cancellable timer = Scheduler.Cancellable.NOOP;

    ToolExec(BlockRun block, CompiledNode node, Node.ToolCall def, long startedAt) {
        super(block, node, startedAt);
        this.def = def;
    }

    @Override boolean usesSlot() { return true; }

    @Override
    void start() {
        JsonNode a = def.args() == null ? NullNode.instance : Eval.eval(def.args(), block.scope);
        if (a.isNull()) a = JsonNodeFactory.instance.objectNode();
        if (!(a instanceof ObjectNode o)) {
            throw new NodeFailure("EVAL_ERROR", def.args().field() + ": must produce an object, got " + typeName(a));
        }
        args = o;
        ExecUri uri = def.exec();
        ExecUri.Interpolated target;
        try {
            var ctx = block.scope.withFields(args);
            target = uri.interpolate(expr -> Eval.eval(expr, ctx));
        } catch (ExecUri.InterpolationException e) {
            throw new NodeFailure("EVAL_ERROR", e.getMessage());
        } catch (GmlException e) {
            throw new NodeFailure(e.limitExceeded() ? "LIMIT_EXCEEDED" : "EVAL_ERROR", "exec: " + e.getMessage());
        }
        String idempotencyKey = run.id + ":" + indexedPath();
        ToolCall.Caller caller = new ToolCall.Caller(run.request.tenantId(), run.request.buCode(), run.id, indexedPath(),
                run.request.flowDepth(), run);
        template = new ToolCall(target.callKey(), uri.type().scheme(), target.service(), target.path(), uri.method(),
                args, 0, 1, idempotencyKey, caller);
        timeoutMs = uri.timeoutMs() != null ? uri.timeoutMs() : run.invoker.defaultTimeoutMs(template);
        JsonNode recorded = run.journal.recorded(journalKey());
        if (recorded != null) replay(recorded);
        else attempt(1);
    }

    private String journalKey() {
        return "call:" + indexedPath();
    }

    /**
     * An earlier attempt of this run finished this call: its outcome is used as if the tool had
     * answered now, and the tool is not called again. Delivered as a queue task like a real answer.
     */
    private void replay(JsonNode recorded) {
        attempt = attempts = Math.max(1, recorded.path("attempts").asInt(1));
        JsonNode error = recorded.get("error");
        run.onQueue(() -> {
            if (done) return;
            if (error != null) fail(new ErrorInfo(error.path("code").asText("INTERNAL_ERROR"), error.path("message").asText(""), path()));
            else succeeded(recorded.get("ok"), false);
        });
    }

    private void attempt(int k) {
        attempt = k;
        attempts = k;
        waiting = false;
        attemptStart = run.now();
        // real tools get their own copy per attempt so every retry sends exactly the same arguments
        ObjectNode callArgs = run.mocked ? args : args.deepCopy();
        ToolCall call = new ToolCall(template.callKey(), template.type(), template.service(), template.path(),
                template.method(), callArgs, timeoutMs, k, template.idempotencyKey(), template.caller());
        callRecord = run.callStarted(template.callKey(), args, indexedPath(), k);
        Uni<JsonNode> uni;
        try {
            uni = run.invoker.invoke(call);
        } catch (RuntimeException e) {
            uni = Uni.createFrom().failure(e);
        }
        // set by the subscriber callbacks, which run synchronously for an immediate answer
        boolean[] answered = {false};
        inflight = uni.subscribe().with(
                item -> { answered[0] = true; run.onQueue(() -> { if (!done && attempt == k) succeeded(item, true); }); },
                err -> {
                    answered[0] = true;
                    run.onQueue(() -> {
                        if (done || attempt != k) return;
                        if (err instanceof ToolException te) attemptFailed(k, te.code(), te.getMessage());
                        else attemptFailed(k, "INTERNAL_ERROR", String.valueOf(err.getMessage()));
                    });
                });
        // An immediate answer needs no timeout timer. Otherwise the timer is armed now; an answer
        // arriving meanwhile from another thread is handled by a later queue task, which cancels it.
        if (!answered[0]) {
            timerDeadline = attemptStart + timeoutMs;
            timer = run.schedule(timeoutMs, () -> {
                if (done || attempt != k) return;
                if (inflight != null) inflight.cancel();
                attemptFailed(k, "TIMEOUT", "tool call timed out after " + timeoutMs + " ms");
            });
        }
    }

    private void succeeded(JsonNode raw, boolean live) {
        timer.cancel();
        timerDeadline = 0;
        inflight = null;
        JsonNode result = raw == null ? NullNode.instance : raw;
        if (live) {
            run.callEnded(callRecord, attemptStart, null, null);
            run.journal.record(journalKey(), Run.F.objectNode().put("attempts", attempts).set("ok", result));
        }
        try {
            var ctx = block.scope.with(node.id(), result);
            Runnable undo = Eval.applySets(def.sets(), ctx, block.scope);
            JsonNode value;
            try {
                value = def.with() == null ? result : Eval.eval(def.with(), ctx);
            } catch (NodeFailure f) {
                if (undo != null) undo.run(); // a failed node changes no variable
                throw f;
            }
            complete(value, true);
        } catch (NodeFailure f) {
            fail(new ErrorInfo(f.code(), f.getMessage(), path()));
        }
    }

    private void attemptFailed(int k, String code, String message) {
        timer.cancel();
        timerDeadline = 0;
        inflight = null;
        run.callEnded(callRecord, attemptStart, code, message);
        if (ToolException.isRetryable(code) && k < def.exec().maxAttempts()) {
            long delay = run.backoffMs(k + 1);
            waiting = true;
            timerDeadline = run.now() + delay;
            timer = run.schedule(delay, () -> { if (!done && attempt == k) attempt(k + 1); });
            return;
        }
        ObjectNode outcome = Run.F.objectNode().put("attempts", attempts);
        outcome.putObject("error").put("code", code).put("message", message == null ? "" : message);
        run.journal.record(journalKey(), outcome);
        fail(new ErrorInfo(code, message == null ? "" : message, path()));
    }

    @Override
    void cancelPending() {
        timer.cancel();
        if (inflight != null) {
            inflight.cancel();
            inflight = null;
            run.callEnded(callRecord, attemptStart, "CANCELLED", "call abandoned");
        }
        waiting = false;
    }

    @Override
    void describe(ObjectNode into) {
        if (template != null) into.put("call_key", template.callKey());
        into.put("attempt", attempt);
        into.put("max_attempts", def.exec().maxAttempts());
        into.put("backoff", waiting);
        if (args != null) into.set("args", args);
    }

    static String typeName(JsonNode v) {
        if (v.isArray()) return "an array";
        if (v.isTextual()) return "a string";
        if (v.isNumber()) return "a number";
        if (v.isBoolean()) return "a boolean";
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
