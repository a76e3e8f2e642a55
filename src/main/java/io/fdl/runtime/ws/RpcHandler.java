package io.fdl.runtime.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.api.Views;
import io.fdl.runtime.api.error.ApiException;
import io.fdl.runtime.api.error.ApiExceptionMapper;
import io.fdl.runtime.api.error.ErrorCodes;
import io.fdl.runtime.api.error.StrictJson;
import io.fdl.runtime.auth.TokenRevocation;
import io.fdl.runtime.auth.TokenVerifier;
import io.fdl.runtime.engine.ExecutionEvent;
import io.fdl.runtime.service.Caller;
import io.fdl.runtime.service.ExecutionEventBus;
import io.fdl.runtime.service.ExecutionEventLog;
import io.fdl.runtime.service.ExecutionService;
import io.fdl.runtime.service.FlowService;
import io.fdl.runtime.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.UUID;

import static io.fdl.runtime.ws.JsonRpc.*;

/**
 * Answers the JSON-RPC calls of api.md §6.1. Until the connection is authenticated only
 * {@code auth} (and the editor's bare {@code {"type":"ping"}} heartbeat) is answered; everything
 * else is −32001. Tenancy comes from the token: another tenant's execution or flow is −32002.
 */
@ApplicationScoped
public class RpcHandler {
    private static final Logger LOG = Logger.getLogger(RpcHandler.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Inject
    ObjectMapper mapper;
    @Inject
    TokenVerifier tokens;
    @Inject
    TokenRevocation revocation;
    @Inject
    WsRegistry registry;
    @Inject
    ExecutionService executions;
    @Inject
    ExecutionEventLog eventLog;
    @Inject
    ExecutionEventBus bus;
    @Inject
    FlowService flows;
    @ConfigProperty(name = "fdl.ws.max-subscriptions", defaultValue = "256")
    int maxSubscriptions;
    @ConfigProperty(name = "fdl.ws.preview-chars", defaultValue = "16384")
    int previewChars;

    private EventFrames frames;
    /** frames are client JSON: read like REST bodies (one value, no NUL, finite numbers) */
    private ObjectMapper reader;

    @PostConstruct
    void init() {
        frames = new EventFrames(mapper, previewChars);
        reader = StrictJson.mapper(mapper);
    }

    Uni<Void> handle(WsSession session, String text) {
        JsonNode msg;
        try {
            msg = reader.readTree(text);
        } catch (StrictJson.Rejected e) {
            boolean malformed = ErrorCodes.MALFORMED_JSON.equals(e.code());
            send(session, error(null, malformed ? PARSE_ERROR : INVALID_PARAMS, e.reason(), F.objectNode().put("code", e.code())));
            return Uni.createFrom().voidItem();
        } catch (Exception e) {
            send(session, error(null, PARSE_ERROR, "parse error: not valid JSON", null));
            return Uni.createFrom().voidItem();
        }
        if (msg == null || msg.isMissingNode()) { // an empty or blank frame holds no JSON value at all
            send(session, error(null, PARSE_ERROR, "parse error: empty frame", null));
            return Uni.createFrom().voidItem();
        }
        if (msg != null && msg.isObject() && "ping".equals(msg.path("type").asText(null)) && !msg.has("method")) {
            session.outbox.send("{\"type\":\"pong\"}");
            return Uni.createFrom().voidItem();
        }
        JsonNode id = msg != null && msg.isObject() ? msg.get("id") : null;
        if (msg == null || !msg.isObject() || !"2.0".equals(msg.path("jsonrpc").asText(null))
                || !msg.path("method").isTextual() || (id != null && !id.isValueNode())) {
            send(session, error(id, INVALID_REQUEST, "invalid request: expected {jsonrpc: \"2.0\", method, params?, id?}", null));
            return Uni.createFrom().voidItem();
        }
        JsonNode params = msg.path("params");
        if (!params.isMissingNode() && !params.isNull() && !params.isObject()) {
            send(session, error(id, INVALID_PARAMS, "params must be an object", null));
            return Uni.createFrom().voidItem();
        }
        ObjectNode p = params.isObject() ? (ObjectNode) params : F.objectNode();
        String method = msg.get("method").textValue();
        // every call re-checks the session's token: a revoked user loses an open socket too
        Uni<JsonNode> answer = !session.authenticated() || method.equals("auth")
                ? dispatchOrFail(session, method, p)
                : revocation.check(session.principal())
                        .onFailure().transform(e -> new RpcError(AUTH, "token revoked"))
                        .chain(ok -> dispatchOrFail(session, method, p));
        return answer.onItemOrFailure().invoke((result, failure) -> {
            if (failure == null) send(session, JsonRpc.result(id, result));
            else send(session, toError(id, failure));
        }).replaceWithVoid().onFailure().recoverWithNull();
    }

    private Uni<JsonNode> dispatchOrFail(WsSession s, String method, ObjectNode p) {
        try {
            return dispatch(s, method, p);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<JsonNode> dispatch(WsSession s, String method, ObjectNode p) {
        if (method.equals("auth")) return auth(s, p);
        if (!s.authenticated()) throw new RpcError(AUTH, "not authenticated: send {\"method\":\"auth\",\"params\":{\"token\":…}} first");
        return switch (method) {
            case "ping" -> Uni.createFrom().item(F.textNode("pong"));
            case "subscribe" -> subscribe(s, p);
            case "unsubscribe" -> unsubscribe(s, p);
            case "execute" -> execute(s, p);
            case "execute.status" -> executions.status(s.caller(), uuid(p, "execution_id"))
                    .map(e -> (JsonNode) mapper.valueToTree(Views.status(e)));
            case "execute.cancel" -> executions.cancel(s.caller(), uuid(p, "execution_id"))
                    .map(e -> (JsonNode) F.objectNode().put("execution_id", e.id().toString()).put("status", e.status().wire()));
            case "flow.list" -> flowList(s, p);
            case "flow.get" -> flowGet(s, p);
            default -> throw new RpcError(METHOD_NOT_FOUND, "method not found: " + method);
        };
    }

    private Uni<JsonNode> auth(WsSession s, ObjectNode p) {
        String token = text(p, "token", true);
        io.fdl.runtime.auth.AuthPrincipal principal;
        try {
            principal = tokens.verifyAccessToken(token);
        } catch (RuntimeException e) {
            throw new RpcError(AUTH, "invalid token");
        }
        return revocation.check(principal).onFailure().transform(e -> new RpcError(AUTH, "invalid token")).map(ok -> {
            s.authenticate(ok);
            io.quarkus.websockets.next.CloseReason full = registry.admitTenant(s);
            if (full != null) {
                registry.close(s.connection, full);
                throw new RpcError(AUTH, full.getMessage());
            }
            return (JsonNode) F.objectNode().put("authenticated", true).put("tenant_id", ok.tenantId());
        });
    }

    // ---- subscriptions ------------------------------------------------------------------------

    private Uni<JsonNode> subscribe(WsSession s, ObjectNode p) {
        if (s.subscriptions.size() >= maxSubscriptions) {
            throw new RpcError(VALIDATION, "too many subscriptions on this connection (max " + maxSubscriptions + ")");
        }
        Caller caller = s.caller();
        // a key given as null names nothing: it must not widen the subscription to the tenant
        if (p.has("execution_id")) {
            UUID executionId = uuid(p, "execution_id");
            // without after_seq: from seq 1 — the editor subscribes after its run started (editor-json.md §6)
            long afterSeq = p.hasNonNull("after_seq") ? afterSeq(p) : 0;
            // the record is read first: another tenant's execution is simply not found (-32002)
            return executions.find(caller, executionId).chain(e -> follow(s, caller, executionId, afterSeq,
                    F.objectNode().put("subscribed", true).put("execution_id", executionId.toString())));
        }
        if (p.has("flow_id")) {
            UUID flowId = uuid(p, "flow_id");
            return flows.find(caller, flowId).map(f -> {
                add(s, "flow:" + flowId, bus.subscribe(new ExecutionEventBus.Topic.Flow(caller.tenantId().toString(),
                        flowId.toString()), env -> push(s, env.event())));
                return (JsonNode) F.objectNode().put("subscribed", true).put("flow_id", flowId.toString());
            });
        }
        if (!caller.atLeast(Caller.ADMIN)) throw new RpcError(AUTH, "subscribing to the whole tenant needs the admin role");
        add(s, "tenant", bus.subscribe(new ExecutionEventBus.Topic.Tenant(caller.tenantId().toString()),
                env -> push(s, env.event())));
        return Uni.createFrom().item(F.objectNode().put("subscribed", true).put("tenant_id", caller.tenantId().toString()));
    }

    /**
     * Backlog then live without gap or duplicate ({@link ExecutionEventLog#follow}). The answer is
     * sent first, so the client sees {@code subscribed} before the replayed events.
     */
    private Uni<JsonNode> follow(WsSession s, Caller caller, UUID executionId, long afterSeq, ObjectNode answer) {
        String key = "execution:" + executionId;
        ExecutionEventBus.Subscription previous = s.subscriptions.remove(key);
        if (previous != null) previous.close();
        return Uni.createFrom().item((JsonNode) answer).invoke(() -> eventLog
                .follow(caller.tenantId(), executionId, afterSeq, e -> push(s, e))
                .subscribe().with(sub -> add(s, key, sub),
                        err -> LOG.warnf(err, "replaying events of %s failed", executionId)));
    }

    private Uni<JsonNode> unsubscribe(WsSession s, ObjectNode p) {
        String key = p.has("execution_id") ? "execution:" + uuid(p, "execution_id")
                : p.has("flow_id") ? "flow:" + uuid(p, "flow_id") : "tenant";
        ExecutionEventBus.Subscription sub = s.subscriptions.remove(key);
        if (sub == null) throw new RpcError(NOT_FOUND, "no such subscription");
        sub.close();
        return Uni.createFrom().item(F.objectNode().put("unsubscribed", true));
    }

    private void add(WsSession s, String key, ExecutionEventBus.Subscription sub) {
        ExecutionEventBus.Subscription old = s.subscriptions.put(key, sub);
        if (old != null && old != sub) old.close();
        if (s.closed()) sub.close(); // the connection went away while subscribing
    }

    private void push(WsSession s, ExecutionEvent e) {
        if (!s.closed()) s.outbox.send(frames.frame(e));
    }

    // ---- flows (the editor's client: same items as GET /api/flows, and a flow with its latest graph)

    private Uni<JsonNode> flowList(WsSession s, ObjectNode p) {
        int limit = p.hasNonNull("limit") ? p.get("limit").asInt(-1) : 100;
        int offset = p.hasNonNull("offset") ? p.get("offset").asInt(-1) : 0;
        Boolean published = p.hasNonNull("published") ? p.get("published").asBoolean() : null;
        return flows.list(s.caller(), text(p, "q", false), published, limit, offset).map(page -> {
            ObjectNode o = F.objectNode();
            o.set("flows", mapper.valueToTree(page.items().stream().map(Views::summary).toList()));
            o.put("total", page.total()).put("limit", page.limit()).put("offset", page.offset());
            return (JsonNode) o;
        });
    }

    private Uni<JsonNode> flowGet(WsSession s, ObjectNode p) {
        return flows.withLatest(s.caller(), uuid(p, "flow_id")).map(f -> {
            ObjectNode o = mapper.valueToTree(Views.flow(f.detail()));
            o.set("data", f.latest() == null ? F.nullNode() : f.latest().data());
            o.put("fdl", f.latest() == null ? null : f.latest().fdl());
            return (JsonNode) o;
        });
    }

    // ---- execute ------------------------------------------------------------------------------

    private Uni<JsonNode> execute(WsSession s, ObjectNode p) {
        Caller caller = s.caller();
        if (!caller.atLeast(Caller.EXECUTOR)) throw new RpcError(AUTH, "executing needs the executor role");
        UUID flowId = uuid(p, "flow_id");
        UUID versionId = p.hasNonNull("version_id") ? uuid(p, "version_id") : null;
        JsonNode inputs = p.path("inputs");
        if (!inputs.isMissingNode() && !inputs.isNull() && !inputs.isObject()) {
            throw new RpcError(INVALID_PARAMS, "inputs must be an object");
        }
        return executions.storedTarget(caller, flowId, versionId)
                .chain(t -> executions.execute(new ExecutionService.Command(caller, t,
                        inputs.isObject() ? inputs : F.objectNode(), true, null, null, null)))
                .chain(started -> {
                    UUID id = started.execution().id();
                    ObjectNode answer = F.objectNode().put("execution_id", id.toString());
                    return follow(s, caller, id, 0, answer);
                });
    }

    // ---- params and errors --------------------------------------------------------------------

    private static String text(ObjectNode p, String name, boolean required) {
        JsonNode v = p.get(name);
        if (v == null || v.isNull()) {
            if (required) throw new RpcError(INVALID_PARAMS, "missing param: " + name);
            return null;
        }
        if (!v.isTextual()) throw new RpcError(INVALID_PARAMS, name + " must be a string");
        return v.textValue();
    }

    private static UUID uuid(ObjectNode p, String name) {
        String v = text(p, name, true);
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new RpcError(INVALID_PARAMS, name + " must be a UUID");
        }
    }

    private static long afterSeq(ObjectNode p) {
        JsonNode v = p.get("after_seq");
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
            throw new RpcError(INVALID_PARAMS, "after_seq must be a non-negative integer");
        }
        return v.longValue();
    }

    private ObjectNode toError(JsonNode id, Throwable failure) {
        if (failure instanceof RpcError r) return error(id, r.code, r.getMessage(), r.data);
        if (failure instanceof StoreUnavailableException) {
            // as over REST (503 STORAGE_UNAVAILABLE + Retry-After): a condition to wait out, not a bug
            LOG.warnf("storage unavailable during a WebSocket call: %s", failure.getMessage());
            return error(id, EXECUTION, "storage is unavailable, retry later", F.objectNode()
                    .put("code", "STORAGE_UNAVAILABLE").put("retry_after", ApiExceptionMapper.STORAGE_RETRY_AFTER_SECONDS));
        }
        if (failure instanceof ApiException a) {
            int code = switch (a.status()) {
                case 400, 413, 422 -> a.code().equals("INVALID_INPUTS") || a.status() == 422 ? VALIDATION : INVALID_PARAMS;
                case 401, 403 -> AUTH;
                case 404 -> NOT_FOUND;
                case 409, 429, 503 -> EXECUTION;
                default -> INTERNAL;
            };
            ObjectNode data = F.objectNode().put("code", a.code());
            if (a.details() != null) data.set("details", mapper.valueToTree(a.details()));
            a.extra().forEach((k, v) -> data.set(k, mapper.valueToTree(v)));
            return error(id, code, a.getMessage(), data);
        }
        LOG.errorf(failure, "WebSocket call failed");
        return error(id, INTERNAL, "internal error", null);
    }

    private void send(WsSession s, ObjectNode frame) {
        s.outbox.send(frames.write(frame));
    }
}
