package io.fdl.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fdl.runtime.store.AuditEntry;
import io.fdl.runtime.store.AuditLogRepository;
import io.fdl.runtime.store.Page;
import io.fdl.runtime.store.Transactions;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit log (api.md §9) for every component. An entry is appended through the store's
 * {@link AuditLogRepository}; called inside {@link Transactions#inTransaction} it joins the caller's
 * transaction, so a change and its entry are stored together or not at all (PostgreSQL).
 *
 * <pre>
 * // a change and its audit entry in one transaction:
 * audit.withAudit(() -&gt; flows.create(flow),
 *         f -&gt; AuditService.Record.of(AuditEvents.FLOW_CREATE, "flow", f.id(), Map.of("name", f.name())));
 * // or, already inside a transaction / for a single fact:
 * audit.record(AuditEvents.EXECUTION_CANCEL, "execution", id, Map.of());
 * </pre>
 * The actor (token {@code sub}), tenant and client address come from the current request; code
 * running outside a request (engine callbacks, timers) uses {@link #append} with explicit values.
 * Details must never contain secrets (passwords, keys, tokens).
 */
@ApplicationScoped
public class AuditService {
    private static final Logger LOG = Logger.getLogger(AuditService.class);

    @Inject
    AuditLogRepository repository;
    @Inject
    Transactions transactions;
    @Inject
    CurrentUser currentUser;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    ObjectMapper mapper;

    /**
     * What to audit about a result: event type, resource and details (a Map or JsonNode, may be null).
     * {@code tenantId} null = the caller's tenant; a superadmin acting on another tenant sets it with
     * {@link #in(UUID)} so the entry lands in the log of the tenant that was changed.
     */
    public record Record(String eventType, String resourceType, String resourceId, Object details, UUID tenantId) {
        public static Record of(String eventType, String resourceType, Object resourceId, Object details) {
            return new Record(eventType, resourceType, resourceId == null ? null : resourceId.toString(), details,
                    null);
        }

        public Record in(UUID tenant) {
            return new Record(eventType, resourceType, resourceId, details, tenant);
        }
    }

    /**
     * Runs {@code work} and appends the entry describing its result in the same transaction. The
     * caller (tenant, actor, address) is captured now, on the request's thread: the store may
     * complete {@code work} on another Vert.x context where the request scope is not active.
     */
    public <T> Uni<T> withAudit(Supplier<Uni<T>> work, Function<T, Record> describe) {
        Actor actor;
        try {
            actor = currentActor();
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return transactions.inTransaction(() -> work.get()
                .call(result -> {
                    Record r = describe.apply(result);
                    return r == null ? Uni.createFrom().voidItem() : append(actor, r);
                }));
    }

    /** Appends an entry for the current request's caller (joins the caller's transaction if any). */
    public Uni<AuditEntry> record(String eventType, String resourceType, Object resourceId, Object details) {
        return record(Record.of(eventType, resourceType, resourceId, details));
    }

    /** Like {@link #record(String, String, Object, Object)}; must be called on the request's thread. */
    public Uni<AuditEntry> record(Record r) {
        try {
            return append(currentActor(), r);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The authenticated caller of the current request: tenant, name (token sub) and client address. */
    private record Actor(UUID tenantId, String name, String ip) {}

    private Actor currentActor() {
        AuthPrincipal p;
        try {
            p = currentUser.isAuthenticated() ? currentUser.principal() : null;
        } catch (ContextNotActiveException e) {
            p = null;
        }
        if (p == null) {
            throw new IllegalStateException("audit outside an authenticated request: use append(tenantId, actor, …)");
        }
        return new Actor(UUID.fromString(p.tenantId()), p.username(), clientIp());
    }

    private Uni<AuditEntry> append(Actor actor, Record r) {
        UUID tenant = r.tenantId() != null ? r.tenantId() : actor.tenantId();
        return append(tenant, actor.name(), r.eventType(), r.resourceType(), r.resourceId(), r.details(), actor.ip());
    }

    /** Appends an entry with explicit tenant and actor (null actor = anonymous). */
    public Uni<AuditEntry> append(UUID tenantId, String actor, String eventType, String resourceType,
                                  String resourceId, Object details, String ip) {
        return repository.append(entry(tenantId, actor, eventType, resourceType, resourceId, details, ip));
    }

    /** The entry {@link #append} would write, for a caller that writes it in its own statement. */
    public AuditEntry entry(UUID tenantId, String actor, String eventType, String resourceType, String resourceId,
                            Object details, String ip) {
        return AuditEntry.of(tenantId, actor, eventType, resourceType, resourceId, toJson(details), ip);
    }

    /**
     * Best effort: appends outside any transaction and never fails the caller (a failed login must
     * still answer 401 when the audit table is unreachable); failures are logged.
     */
    public Uni<Void> appendQuietly(UUID tenantId, String actor, String eventType, String resourceType,
                                   String resourceId, Object details, String ip) {
        return append(tenantId, actor, eventType, resourceType, resourceId, details, ip)
                .onFailure().invoke(e -> LOG.warnf("audit %s for tenant %s not stored: %s", eventType, tenantId,
                        e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    public Uni<Page<AuditEntry>> list(UUID tenantId, String eventType, int limit, int offset) {
        return repository.list(tenantId, eventType, limit, offset);
    }

    /** Client address of the current request (the socket peer; proxies are not trusted blindly), or null. */
    public String clientIp() {
        try {
            RoutingContext rc = currentRequest.getCurrent();
            if (rc == null || rc.request().remoteAddress() == null) return null;
            return rc.request().remoteAddress().hostAddress();
        } catch (RuntimeException e) {
            return null; // no request context (engine callback, timer)
        }
    }

    private JsonNode toJson(Object details) {
        if (details == null) return mapper.createObjectNode();
        if (details instanceof JsonNode n) return n.isObject() ? n : mapper.createObjectNode().set("value", n);
        if (details instanceof Map<?, ?> m) return mapper.valueToTree(m);
        ObjectNode o = mapper.createObjectNode();
        o.set("value", mapper.valueToTree(details));
        return o;
    }
}
