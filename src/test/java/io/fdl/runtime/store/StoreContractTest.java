package io.fdl.runtime.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ONE storage contract both adapters pass (memory: {@code MemoryStoreContractTest},
 * PostgreSQL: {@code PostgresStoreContractTest}). Each test works in fresh random tenants, so the
 * tests do not depend on each other or on the database being empty.
 */
public abstract class StoreContractTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject TenantRepository tenants;
    @Inject UserRepository users;
    @Inject FlowRepository flows;
    @Inject FlowVersionRepository versions;
    @Inject ExecutionRepository executions;
    @Inject ExecutionEventRepository events;
    @Inject AuditLogRepository audit;
    @Inject ApiKeyRepository apiKeys;
    @Inject ToolServiceRepository toolServices;
    @Inject DatasourceRepository datasources;
    @Inject Transactions transactions;
    @Inject StoreKind kind;

    final UUID tenant = UUID.randomUUID();
    final UUID other = UUID.randomUUID();

    /** Whether a failing step of {@code inTransaction} undoes the earlier ones. */
    protected abstract boolean transactionsRollBack();

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(30));
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    Flow newFlow(UUID t, String name) {
        return await(flows.create(Flow.create(UUID.randomUUID(), t, name, "about " + name)));
    }

    FlowVersion newVersion(Flow f, String label) {
        return await(versions.create(FlowVersion.create(UUID.randomUUID(), f.id(), f.tenantId(), label,
                "flow: " + label + "\n", json("{\"nodes\":[{\"id\":\"a\"}]}"), FlowVersion.FORMAT_FDL))).orElseThrow();
    }

    // ---------------------------------------------------------------- tenants

    @Test
    void defaultTenantIsSeeded() {
        Tenant t = await(tenants.find(Tenant.DEFAULT_ID)).orElseThrow();
        assertEquals("default", t.buCode());
        assertTrue(t.active());
        assertTrue(t.config().isObject());
    }

    @Test
    void tenantCrudAndDuplicateId() {
        Tenant t = await(tenants.create(new Tenant(tenant, "bu-" + tenant, "Acme " + tenant, "desc",
                json("{\"theme\":\"dark\"}"), 10, 1000, true, null, null)));
        assertNotNull(t.createdAt());
        assertEquals(t.createdAt(), t.updatedAt());
        Tenant found = await(tenants.find(tenant)).orElseThrow();
        assertEquals(t, found);
        assertEquals("dark", found.config().get("theme").asText());
        assertTrue(await(tenants.list()).stream().anyMatch(x -> x.id().equals(tenant)));

        StoreConflictException dup = assertThrows(StoreConflictException.class, () -> await(tenants.create(t)));
        assertEquals(Constraints.TENANT_ID, dup.constraint());

        Tenant changed = await(tenants.update(new Tenant(tenant, "bu2", "Acme 2", null, null, null, 5, false,
                null, null))).orElseThrow();
        assertEquals("Acme 2", changed.name());
        assertNull(changed.maxFlows());
        assertEquals(5, changed.maxExecutionsPerDay());
        assertFalse(changed.active());
        assertEquals(t.createdAt(), changed.createdAt());
        assertTrue(changed.config().isObject() && changed.config().isEmpty());

        assertTrue(await(tenants.delete(tenant)));
        assertFalse(await(tenants.delete(tenant)));
        assertTrue(await(tenants.find(tenant)).isEmpty());
        assertTrue(await(tenants.update(t)).isEmpty());
    }

    // ---------------------------------------------------------------- users

    @Test
    void usersCrudUniquenessAndIsolation() {
        Instant locked = Instant.now().plusSeconds(60);
        User u = await(users.create(new User(UUID.randomUUID(), tenant, "alice", "$2a$hash", List.of("admin", "editor"),
                "bu1", 2, locked, null, null)));
        assertEquals(List.of("admin", "editor"), u.roles());
        assertEquals(locked.truncatedTo(ChronoUnit.MICROS), u.lockedUntil());
        assertEquals(u, await(users.find(tenant, u.id())).orElseThrow());
        assertEquals(u, await(users.findByUsername(tenant, "alice")).orElseThrow());

        StoreConflictException dup = assertThrows(StoreConflictException.class, () -> await(users.create(
                new User(UUID.randomUUID(), tenant, "alice", "h", List.of(), null, 0, null, null, null))));
        assertEquals(Constraints.USER_USERNAME, dup.constraint());
        // the same username in another tenant is another user
        await(users.create(new User(UUID.randomUUID(), other, "alice", "h", List.of("viewer"), null, 0, null, null,
                null)));
        await(users.create(new User(UUID.randomUUID(), tenant, "bob", "h", List.of(), null, 0, null, null, null)));
        assertEquals(List.of("alice", "bob"), await(users.list(tenant)).stream().map(User::username).toList());
        assertEquals(2L, await(users.count(tenant)));

        // other tenant: not found, not updatable, not deletable
        assertTrue(await(users.find(other, u.id())).isEmpty());
        assertTrue(await(users.update(new User(u.id(), other, "x", "h", List.of(), null, 0, null, null, null)))
                .isEmpty());
        assertFalse(await(users.delete(other, u.id())));

        User updated = await(users.update(new User(u.id(), tenant, "alice", "$2a$new", List.of("viewer"), "bu1", 0,
                null, null, null))).orElseThrow();
        assertEquals("$2a$new", updated.passwordHash());
        assertEquals(List.of("viewer"), updated.roles());
        assertNull(updated.lockedUntil());
        assertEquals(u.createdAt(), updated.createdAt());
        // renaming onto a taken username conflicts
        assertThrows(StoreConflictException.class, () -> await(users.update(new User(u.id(), tenant, "bob", "h",
                List.of(), null, 0, null, null, null))));

        assertTrue(await(users.delete(tenant, u.id())));
        assertTrue(await(users.find(tenant, u.id())).isEmpty());
    }

    // ---------------------------------------------------------------- flows

    @Test
    void flowCrudAndIsolation() {
        Flow f = newFlow(tenant, "orders");
        assertFalse(f.published());
        assertEquals(f, await(flows.find(tenant, f.id())).orElseThrow());
        assertTrue(await(flows.find(other, f.id())).isEmpty());
        assertTrue(await(flows.update(f.withDetails("hacked", null, null)).map(o -> o)).isPresent());
        Flow foreign = new Flow(f.id(), other, "x", null, null, false, null, null, null, null);
        assertTrue(await(flows.update(foreign)).isEmpty());
        assertFalse(await(flows.delete(other, f.id())));
        assertEquals(0, await(flows.list(other, null, 10, 0)).total());
        assertEquals(0L, await(flows.count(other)));

        Flow renamed = await(flows.update(f.withDetails("orders v2", "new", "data:image/png;base64,AA"))).orElseThrow();
        assertEquals("orders v2", renamed.name());
        assertEquals("data:image/png;base64,AA", renamed.thumbnail());
        assertEquals(f.createdAt(), renamed.createdAt());
        assertFalse(renamed.updatedAt().isBefore(f.updatedAt()));
        assertEquals(List.of(renamed), await(flows.findByName(tenant, "orders v2")));
        assertTrue(await(flows.findByName(other, "orders v2")).isEmpty());
        assertThrows(StoreConflictException.class, () -> await(flows.create(f)));

        assertTrue(await(flows.delete(tenant, f.id())));
        assertTrue(await(flows.find(tenant, f.id())).isEmpty());
        assertFalse(await(flows.delete(tenant, f.id())));
    }

    @Test
    void flowListOrderPagingFilterAndVersionCount() throws InterruptedException {
        List<Flow> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(newFlow(tenant, "Flow " + i + (i == 3 ? " 100%_done" : "")));
            Thread.sleep(2); // distinct updated_at
        }
        newFlow(other, "Flow foreign");
        newVersion(created.get(1), "a");
        Thread.sleep(2);
        newVersion(created.get(1), "b"); // touches flow 1: now the newest

        Page<FlowSummary> all = await(flows.list(tenant, null, 10, 0));
        assertEquals(5, all.total());
        List<UUID> order = all.items().stream().map(s -> s.flow().id()).toList();
        assertEquals(List.of(created.get(1).id(), created.get(4).id(), created.get(3).id(), created.get(2).id(),
                created.get(0).id()), order);
        assertEquals(2, all.items().get(0).versionCount());
        assertEquals(0, all.items().get(1).versionCount());

        Page<FlowSummary> page = await(flows.list(tenant, null, 2, 2));
        assertEquals(5, page.total());
        assertEquals(order.subList(2, 4), page.items().stream().map(s -> s.flow().id()).toList());
        assertTrue(await(flows.list(tenant, null, 2, 10)).items().isEmpty());

        // case-insensitive substring of name or description; % and _ are literal
        assertEquals(1, await(flows.list(tenant, "100%_", 10, 0)).total());
        assertEquals(0, await(flows.list(tenant, "1_0", 10, 0)).total());
        assertEquals(5, await(flows.list(tenant, "fLoW", 10, 0)).total());
        assertEquals(1, await(flows.list(tenant, "ABOUT FLOW 2", 10, 0)).total());
        assertEquals(5, await(flows.list(tenant, "  ", 10, 0)).total());
        assertEquals(5L, await(flows.count(tenant)));
    }

    // ---------------------------------------------------------------- versions & publishing

    @Test
    void versionsNumberingListLatestAndIsolation() {
        Flow f = newFlow(tenant, "v");
        FlowVersion v1 = newVersion(f, "first");
        FlowVersion v2 = newVersion(f, "second");
        assertEquals(1, v1.versionNumber());
        assertEquals(2, v2.versionNumber());
        assertEquals("first", v1.label());
        assertEquals("a", v1.data().get("nodes").get(0).get("id").asText());
        assertEquals(v1, await(versions.find(tenant, v1.id())).orElseThrow());
        assertEquals(v1, await(versions.find(tenant, f.id(), v1.id())).orElseThrow());
        assertEquals(v2, await(versions.latest(tenant, f.id())).orElseThrow());
        assertEquals(List.of(v2.summary(), v1.summary()), await(versions.list(tenant, f.id())));

        Flow g = newFlow(tenant, "g");
        assertTrue(await(versions.find(tenant, g.id(), v1.id())).isEmpty(), "version of another flow");
        assertEquals(1, newVersion(g, "g1").versionNumber(), "numbers are per flow");

        // another tenant sees nothing and cannot add versions to this flow
        assertTrue(await(versions.find(other, v1.id())).isEmpty());
        assertTrue(await(versions.find(other, f.id(), v1.id())).isEmpty());
        assertTrue(await(versions.latest(other, f.id())).isEmpty());
        assertTrue(await(versions.list(other, f.id())).isEmpty());
        assertFalse(await(versions.delete(other, f.id(), v1.id())));
        assertTrue(await(versions.create(FlowVersion.create(UUID.randomUUID(), f.id(), other, null, "x", null,
                FlowVersion.FORMAT_FDL))).isEmpty());
        assertTrue(await(versions.create(FlowVersion.create(UUID.randomUUID(), UUID.randomUUID(), tenant, null, "x",
                null, FlowVersion.FORMAT_FDL))).isEmpty(), "unknown flow");
        assertThrows(StoreConflictException.class, () -> await(versions.create(v1)));

        assertTrue(await(versions.delete(tenant, f.id(), v1.id())));
        assertEquals(3, newVersion(f, "third").versionNumber(), "numbers are never reused after the max");
    }

    @Test
    void concurrentVersionCreatesGetDistinctNumbers() {
        Flow f = newFlow(tenant, "busy");
        List<CompletableFuture<Optional<FlowVersion>>> futures = IntStream.range(0, 8)
                .mapToObj(i -> versions.create(FlowVersion.create(UUID.randomUUID(), f.id(), tenant, "c" + i, "x",
                        null, FlowVersion.FORMAT_FDL)).subscribeAsCompletionStage())
                .toList();
        Set<Integer> numbers = new HashSet<>();
        for (CompletableFuture<Optional<FlowVersion>> fu : futures) {
            numbers.add(fu.orTimeout(30, TimeUnit.SECONDS).join().orElseThrow().versionNumber());
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), numbers);
    }

    @Test
    void publishUnpublishAndPublishedVersionIsProtected() {
        Flow f = newFlow(tenant, "pub");
        FlowVersion v1 = newVersion(f, "1");
        Flow g = newFlow(tenant, "other flow");
        FlowVersion gv = newVersion(g, "g");
        Instant at = Instant.now();

        assertTrue(await(flows.publish(tenant, f.id(), gv.id(), at)).isEmpty(), "version of another flow");
        assertTrue(await(flows.publish(other, f.id(), v1.id(), at)).isEmpty(), "another tenant");
        assertTrue(await(flows.publish(tenant, f.id(), UUID.randomUUID(), at)).isEmpty(), "unknown version");

        Flow p = await(flows.publish(tenant, f.id(), v1.id(), at)).orElseThrow();
        assertTrue(p.published());
        assertEquals(v1.id(), p.publishedVersionId());
        assertEquals(at.truncatedTo(ChronoUnit.MICROS), p.publishedAt());
        assertEquals(p, await(flows.find(tenant, f.id())).orElseThrow());
        // update keeps the publishing fields
        Flow renamed = await(flows.update(p.withDetails("renamed", null, null))).orElseThrow();
        assertTrue(renamed.published());
        assertEquals(v1.id(), renamed.publishedVersionId());

        StoreConflictException c = assertThrows(StoreConflictException.class,
                () -> await(versions.delete(tenant, f.id(), v1.id())));
        assertEquals(Constraints.FLOW_PUBLISHED_VERSION, c.constraint());
        assertTrue(await(versions.find(tenant, v1.id())).isPresent());

        assertTrue(await(flows.unpublish(other, f.id())).isEmpty());
        Flow u = await(flows.unpublish(tenant, f.id())).orElseThrow();
        assertFalse(u.published());
        assertNull(u.publishedVersionId());
        assertNull(u.publishedAt());
        assertTrue(await(versions.delete(tenant, f.id(), v1.id())));
    }

    @Test
    void deletingAPublishedFlowRemovesVersionsAndKeysButKeepsExecutions() {
        Flow f = newFlow(tenant, "doomed");
        FlowVersion v = newVersion(f, "1");
        await(flows.publish(tenant, f.id(), v.id(), Instant.now()));
        ApiKey key = await(apiKeys.create(key(f, "k", randomHash())));
        Execution e = await(executions.create(execution(tenant, f, ExecutionStatus.COMPLETED, null)));

        assertTrue(await(flows.delete(tenant, f.id())));
        assertTrue(await(versions.find(tenant, v.id())).isEmpty());
        assertTrue(await(apiKeys.find(tenant, key.id())).isEmpty());
        assertTrue(await(apiKeys.findByHash(key.keyHash())).isEmpty());
        assertEquals(f.id(), await(executions.find(tenant, e.id())).orElseThrow().flowId());
    }

    // ---------------------------------------------------------------- executions

    Execution execution(UUID t, Flow f, ExecutionStatus status, String idempotencyKey) {
        return execution(t, f, status, idempotencyKey, Instant.now());
    }

    Execution execution(UUID t, Flow f, ExecutionStatus status, String idempotencyKey, Instant startedAt) {
        return Execution.start(UUID.randomUUID(), t, f == null ? null : f.id(), f == null ? "direct" : f.name(),
                null, status, ExecutionMode.NORMAL, json("{\"n\":1}"), null, idempotencyKey, startedAt);
    }

    @Test
    void executionLifecycleSnapshotAndIsolation() {
        Flow f = newFlow(tenant, "run");
        FlowVersion v = newVersion(f, "1");
        Instant start = Instant.now();
        Execution created = await(executions.create(Execution.start(UUID.randomUUID(), tenant, f.id(), f.name(),
                v.id(), ExecutionStatus.RUNNING, ExecutionMode.TEST, json("{\"order\":{\"id\":7}}"), null, null,
                start)));
        assertEquals(start.truncatedTo(ChronoUnit.MICROS), created.startedAt());
        assertEquals(ExecutionMode.TEST, created.mode());
        assertEquals(created, await(executions.find(tenant, created.id())).orElseThrow());
        assertTrue(await(executions.find(other, created.id())).isEmpty());

        Execution progressing = await(executions.update(created.withProgress(ExecutionStatus.WAITING, 0.5,
                List.of("a", "b/c[1]/d"), json("{\"vars\":{\"x\":[1,2]}}")))).orElseThrow();
        assertEquals(0.5, progressing.progress());
        assertEquals(List.of("a", "b/c[1]/d"), progressing.currentNodes());
        Execution read = await(executions.find(tenant, created.id())).orElseThrow();
        assertEquals(ExecutionStatus.WAITING, read.status());
        assertEquals(json("{\"vars\":{\"x\":[1,2]}}"), read.snapshot());
        assertEquals(json("{\"order\":{\"id\":7}}"), read.inputs());

        assertTrue(await(executions.saveSnapshot(tenant, created.id(), json("{\"step\":2}"))));
        assertFalse(await(executions.saveSnapshot(other, created.id(), json("{\"step\":3}"))));
        assertEquals(json("{\"step\":2}"), await(executions.find(tenant, created.id())).orElseThrow().snapshot());

        Execution foreign = new Execution(created.id(), other, null, null, null, ExecutionStatus.CANCELLED,
                ExecutionMode.NORMAL, null, null, null, null, 0, List.of(), null, null, null, start, null, null);
        assertTrue(await(executions.update(foreign)).isEmpty());

        Instant end = start.plusMillis(1234);
        Execution done = await(executions.update(read.finish(ExecutionStatus.FAILED, json("{\"success\":false}"),
                "boom", json("{\"code\":\"TOOL_ERROR\",\"message\":\"boom\",\"node\":\"a\"}"), end))).orElseThrow();
        assertNull(done.snapshot(), "finished executions keep no run state");
        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals(1234L, done.durationMs());
        assertEquals("TOOL_ERROR", done.errorDetail().get("code").asText());
        assertTrue(done.currentNodes().isEmpty());
        Execution reread = await(executions.find(tenant, created.id())).orElseThrow();
        assertEquals(done, reread);
        assertNull(reread.snapshot());
        assertFalse(await(executions.saveSnapshot(tenant, created.id(), json("{}"))), "finished");
        assertEquals(v.id(), reread.versionId());
    }

    @Test
    void executionCompareAndSetStatus() {
        Execution e = await(executions.create(execution(tenant, null, ExecutionStatus.RUNNING, null)));
        Execution cancelled = e.finish(ExecutionStatus.CANCELLED, null, "cancelled", null, Instant.now());
        assertTrue(await(executions.update(cancelled, ExecutionStatus.ACTIVE)).isPresent());
        // a replica finishing the same run afterwards loses
        Execution completed = e.finish(ExecutionStatus.COMPLETED, json("{\"success\":true}"), null, null,
                Instant.now());
        assertTrue(await(executions.update(completed, ExecutionStatus.ACTIVE)).isEmpty());
        assertEquals(ExecutionStatus.CANCELLED, await(executions.find(tenant, e.id())).orElseThrow().status());
        assertTrue(await(executions.update(completed, EnumSet.of(ExecutionStatus.CANCELLED))).isPresent());
    }

    @Test
    void idempotencyKeyIsUniquePerTenant() {
        Execution first = await(executions.create(execution(tenant, null, ExecutionStatus.RUNNING, "key-1")));
        StoreConflictException c = assertThrows(StoreConflictException.class,
                () -> await(executions.create(execution(tenant, null, ExecutionStatus.RUNNING, "key-1"))));
        assertEquals(Constraints.EXECUTION_IDEMPOTENCY_KEY, c.constraint());
        assertEquals(first.id(), await(executions.findByIdempotencyKey(tenant, "key-1")).orElseThrow().id());
        assertTrue(await(executions.findByIdempotencyKey(other, "key-1")).isEmpty());
        // same key, other tenant: independent; no key: never collides
        await(executions.create(execution(other, null, ExecutionStatus.RUNNING, "key-1")));
        await(executions.create(execution(tenant, null, ExecutionStatus.RUNNING, null)));
        await(executions.create(execution(tenant, null, ExecutionStatus.RUNNING, null)));
        assertThrows(StoreConflictException.class, () -> await(executions.create(first)));
    }

    @Test
    void executionListFiltersPagingOrderAndDailyCount() {
        Flow a = newFlow(tenant, "a");
        Flow b = newFlow(tenant, "b");
        Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.HOURS);
        List<Execution> made = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Flow f = i % 2 == 0 ? a : b;
            ExecutionStatus s = i < 4 ? ExecutionStatus.COMPLETED : ExecutionStatus.RUNNING;
            made.add(await(executions.create(execution(tenant, f, s, null, base.plusSeconds(i)))));
        }
        Execution direct = await(executions.create(execution(tenant, null, ExecutionStatus.FAILED, null,
                base.plusSeconds(10))));
        Execution yesterday = await(executions.create(execution(tenant, a, ExecutionStatus.COMPLETED, null,
                base.minus(2, ChronoUnit.DAYS))));
        await(executions.create(execution(other, a, ExecutionStatus.COMPLETED, null, base)));

        Page<ExecutionSummary> all = await(executions.list(tenant, ExecutionFilter.ALL, 50, 0));
        assertEquals(8, all.total());
        assertEquals(List.of(direct.id(), made.get(5).id(), made.get(4).id(), made.get(3).id(), made.get(2).id(),
                made.get(1).id(), made.get(0).id(), yesterday.id()), all.items().stream().map(ExecutionSummary::id)
                .toList());
        assertNull(all.items().get(0).flowId());
        assertEquals("direct", all.items().get(0).flowName());

        Page<ExecutionSummary> byFlow = await(executions.list(tenant, new ExecutionFilter(a.id(), null), 2, 1));
        assertEquals(4, byFlow.total());
        assertEquals(List.of(made.get(2).id(), made.get(0).id()), byFlow.items().stream().map(ExecutionSummary::id)
                .toList());
        Page<ExecutionSummary> running = await(executions.list(tenant,
                new ExecutionFilter(null, ExecutionStatus.RUNNING), 50, 0));
        assertEquals(List.of(made.get(5).id(), made.get(4).id()), running.items().stream()
                .map(ExecutionSummary::id).toList());
        assertEquals(1, await(executions.list(tenant, new ExecutionFilter(b.id(), ExecutionStatus.RUNNING), 50, 0))
                .total());
        assertEquals(0, await(executions.list(other, new ExecutionFilter(b.id(), null), 50, 0)).total());

        assertEquals(7L, await(executions.countStartedSince(tenant, base)));
        assertEquals(1L, await(executions.countStartedSince(other, base)));
    }

    // ---------------------------------------------------------------- events

    StoredEvent event(UUID t, UUID execution, long seq, String type) {
        return new StoredEvent(execution, t, seq, type, seq == 1 ? null : "node" + seq,
                json("{\"seq\":" + seq + ",\"output\":{\"list\":[1,\"two\",null]}}"), Instant.now());
    }

    @Test
    void eventsAppendAfterSeqAndConflicts() {
        UUID exec = UUID.randomUUID();
        await(events.append(tenant, List.of(event(tenant, exec, 1, "started"), event(tenant, exec, 2, "node_started"),
                event(tenant, exec, 3, "node_completed"))));
        await(events.append(tenant, List.of(event(tenant, exec, 4, "progress"), event(tenant, exec, 5, "completed"))));
        await(events.append(tenant, List.of()));

        List<StoredEvent> all = await(events.list(tenant, exec, 0, 500));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), all.stream().map(StoredEvent::seq).toList());
        assertNull(all.get(0).nodeId());
        assertEquals("node3", all.get(2).nodeId());
        assertEquals("node_completed", all.get(2).eventType());
        assertEquals(json("{\"seq\":3,\"output\":{\"list\":[1,\"two\",null]}}"), all.get(2).data());
        assertEquals(tenant, all.get(2).tenantId());
        assertNotNull(all.get(2).timestamp());
        assertEquals(List.of(3L, 4L), await(events.list(tenant, exec, 2, 2)).stream().map(StoredEvent::seq).toList());
        assertTrue(await(events.list(tenant, exec, 5, 10)).isEmpty());
        assertEquals(5L, await(events.lastSeq(tenant, exec)));
        assertEquals(0L, await(events.lastSeq(tenant, UUID.randomUUID())));

        // a batch with a taken seq is rejected whole
        StoreConflictException c = assertThrows(StoreConflictException.class, () -> await(events.append(tenant,
                List.of(event(tenant, exec, 6, "x"), event(tenant, exec, 5, "completed")))));
        assertEquals(Constraints.EVENT_SEQ, c.constraint());
        assertEquals(5L, await(events.lastSeq(tenant, exec)));
        assertThrows(StoreConflictException.class, () -> await(events.append(tenant,
                List.of(event(tenant, exec, 7, "x"), event(tenant, exec, 7, "x")))));

        // another tenant sees nothing
        assertTrue(await(events.list(other, exec, 0, 500)).isEmpty());
        assertEquals(0L, await(events.lastSeq(other, exec)));
    }

    @Test
    void eventRoundTripsTheEngineEvent() {
        UUID exec = UUID.randomUUID();
        var engineEvent = new io.fdl.runtime.engine.ExecutionEvent(exec.toString(), 1,
                io.fdl.runtime.engine.ExecutionEvent.Type.NODE_FAILED, "a/b",
                (com.fasterxml.jackson.databind.node.ObjectNode) json("{\"error\":\"x\"}"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        await(events.append(tenant, List.of(StoredEvent.of(tenant, engineEvent))));
        assertEquals(engineEvent, await(events.list(tenant, exec, 0, 1)).get(0).toExecutionEvent());
    }

    // ---------------------------------------------------------------- audit

    @Test
    void auditAppendFilterPagingAndIsolation() throws InterruptedException {
        List<AuditEntry> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(await(audit.append(AuditEntry.of(tenant, "user-1", i % 2 == 0 ? "flow.create" : "auth.failed",
                    "flow", "id-" + i, json("{\"i\":" + i + "}"), "10.0.0." + i))));
            Thread.sleep(2);
        }
        await(audit.append(AuditEntry.of(other, null, "flow.create", null, null, null, null)));
        Page<AuditEntry> all = await(audit.list(tenant, null, 10, 0));
        assertEquals(4, all.total());
        assertEquals(List.of(made.get(3), made.get(2), made.get(1), made.get(0)), all.items());
        assertEquals("10.0.0.3", all.items().get(0).ip());
        Page<AuditEntry> created = await(audit.list(tenant, "flow.create", 1, 1));
        assertEquals(2, created.total());
        assertEquals(List.of(made.get(0)), created.items());
        Page<AuditEntry> foreign = await(audit.list(other, null, 10, 0));
        assertEquals(1, foreign.total());
        assertTrue(foreign.items().get(0).details().isObject());
    }

    // ---------------------------------------------------------------- API keys

    static String randomHash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    }

    ApiKey key(Flow f, String name, String hash) {
        return new ApiKey(UUID.randomUUID(), f.tenantId(), f.id(), name, "d", "fk_" + f.id().toString()
                .substring(0, 8), hash, 100, true, Instant.now().plus(30, ChronoUnit.DAYS), null, null);
    }

    @Test
    void apiKeysCrudHashLookupAndIsolation() throws InterruptedException {
        Flow f = newFlow(tenant, "api");
        ApiKey k1 = await(apiKeys.create(key(f, "one", randomHash())));
        Thread.sleep(2);
        ApiKey k2 = await(apiKeys.create(key(f, "two", randomHash())));
        assertNotNull(k1.createdAt());
        assertEquals(k1, await(apiKeys.find(tenant, k1.id())).orElseThrow());
        assertEquals(List.of(k2, k1), await(apiKeys.listByFlow(tenant, f.id())));
        // the cross-tenant lookup: the hash alone finds the key and tells its tenant
        assertEquals(tenant, await(apiKeys.findByHash(k1.keyHash())).orElseThrow().tenantId());
        assertTrue(await(apiKeys.findByHash(randomHash())).isEmpty());

        StoreConflictException dup = assertThrows(StoreConflictException.class,
                () -> await(apiKeys.create(key(f, "dup", k1.keyHash()))));
        assertEquals(Constraints.API_KEY_HASH, dup.constraint());
        Flow foreignFlow = newFlow(other, "foreign");
        ApiKey crossTenant = new ApiKey(UUID.randomUUID(), tenant, foreignFlow.id(), "x", null, "fk_x", randomHash(),
                10, true, null, null, null);
        StoreConflictException fk = assertThrows(StoreConflictException.class, () -> await(apiKeys.create(crossTenant)));
        assertEquals(Constraints.API_KEY_FLOW, fk.constraint());

        assertTrue(await(apiKeys.find(other, k1.id())).isEmpty());
        assertTrue(await(apiKeys.listByFlow(other, f.id())).isEmpty());
        assertFalse(await(apiKeys.recordUses(other, k1.id(), 1, Instant.now())));
        assertFalse(await(apiKeys.delete(other, f.id(), k1.id())));
        assertFalse(await(apiKeys.delete(tenant, foreignFlow.id(), k1.id())), "key of another flow");

        Instant used = Instant.now();
        assertTrue(await(apiKeys.recordUses(tenant, k1.id(), 3, used)));
        assertTrue(await(apiKeys.recordUses(tenant, k1.id(), 2, used.minusSeconds(60)))); // a late batch keeps the later time
        ApiKey counted = await(apiKeys.find(tenant, k1.id())).orElseThrow();
        assertEquals(used.truncatedTo(ChronoUnit.MICROS), counted.lastUsedAt());
        assertEquals(5, counted.usageCount());
        assertTrue(await(apiKeys.delete(tenant, f.id(), k1.id())));
        assertTrue(await(apiKeys.findByHash(k1.keyHash())).isEmpty());
    }

    // ---------------------------------------------------------------- tool registrations

    ToolService service(UUID t, String name, int timeout) {
        return new ToolService(t, name, "Display " + name, "desc", "https://api.example.com/v1", "apikey",
                json("{\"key\":\"enc:abc\",\"header\":\"X-API-Key\"}"), json("{\"Accept\":\"application/json\"}"),
                timeout, true, null, null);
    }

    @Test
    void toolServicesCrudConflictsAndIsolation() {
        ToolService s = await(toolServices.create(service(tenant, "crm", 30000)));
        assertEquals("enc:abc", s.authConfig().get("key").asText());
        assertEquals(s, await(toolServices.find(tenant, "crm")).orElseThrow());
        StoreConflictException c = assertThrows(StoreConflictException.class,
                () -> await(toolServices.create(service(tenant, "crm", 1))));
        assertEquals(Constraints.TOOL_SERVICE_NAME, c.constraint());
        await(toolServices.create(service(other, "crm", 1)));
        await(toolServices.create(service(tenant, "billing", 1)));
        assertEquals(List.of("billing", "crm"), await(toolServices.list(tenant)).stream().map(ToolService::name)
                .toList());
        assertEquals(1, await(toolServices.find(other, "crm")).orElseThrow().timeoutMs());

        ToolService changed = await(toolServices.update(new ToolService(tenant, "crm", null, null, "http://x", "none",
                null, null, 5000, false, null, null))).orElseThrow();
        assertFalse(changed.enabled());
        assertTrue(changed.authConfig().isEmpty());
        assertEquals(s.createdAt(), changed.createdAt());
        assertTrue(await(toolServices.update(service(tenant, "missing", 1))).isEmpty());
        assertEquals(1, await(toolServices.find(other, "crm")).orElseThrow().timeoutMs(), "other tenant untouched");

        assertTrue(await(toolServices.delete(tenant, "crm")));
        assertFalse(await(toolServices.delete(tenant, "crm")));
        assertTrue(await(toolServices.find(other, "crm")).isPresent(), "other tenant's service untouched");
    }

    Datasource datasource(UUID t, String name) {
        return new Datasource(t, name, "Shop", "postgresql", "postgresql://u:enc@db/shop", null, "orders", 4, 5000,
                true, false, true, null, null);
    }

    @Test
    void datasourcesCrudConflictsAndIsolation() {
        Datasource d = await(datasources.create(datasource(tenant, "shop")));
        assertEquals("public", d.schema(), "schema defaults to public");
        assertEquals(d, await(datasources.find(tenant, "shop")).orElseThrow());
        assertEquals(Constraints.DATASOURCE_NAME, assertThrows(StoreConflictException.class,
                () -> await(datasources.create(datasource(tenant, "shop")))).constraint());
        assertTrue(await(datasources.find(other, "shop")).isEmpty());
        assertFalse(await(datasources.delete(other, "shop")));
        assertTrue(await(datasources.update(datasource(other, "shop"))).isEmpty());
        Datasource changed = await(datasources.update(new Datasource(tenant, "shop", null, "postgresql", "c", "sales",
                null, 2, 100, false, true, false, null, null))).orElseThrow();
        assertEquals("sales", changed.schema());
        assertNull(changed.table());
        assertTrue(changed.allowNative());
        await(datasources.create(datasource(tenant, "analytics")));
        assertEquals(List.of("analytics", "shop"), await(datasources.list(tenant)).stream().map(Datasource::name)
                .toList());
        assertTrue(await(datasources.list(other)).isEmpty());
        assertTrue(await(datasources.delete(tenant, "shop")));
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void transactionCommitsBothWrites() {
        Flow f = Flow.create(UUID.randomUUID(), tenant, "tx-ok", null);
        await(transactions.inTransaction(() -> flows.create(f)
                .chain(created -> audit.append(AuditEntry.of(tenant, "u", "flow.create", "flow",
                        created.id().toString(), null, null)))));
        assertTrue(await(flows.find(tenant, f.id())).isPresent());
        assertEquals(1, await(audit.list(tenant, "flow.create", 10, 0)).total());
    }

    @Test
    void failingSecondStepOfATransaction() {
        Flow f = Flow.create(UUID.randomUUID(), tenant, "tx", null);
        AuditEntry entry = await(audit.append(AuditEntry.of(tenant, "u", "seed", null, null, null, null)));
        // step 1 writes a flow, step 2 violates the audit primary key
        assertThrows(StoreConflictException.class, () -> await(transactions.inTransaction(() -> flows.create(f)
                .chain(() -> audit.append(entry)))));
        assertEquals(!transactionsRollBack(), await(flows.find(tenant, f.id())).isPresent());

        Flow g = Flow.create(UUID.randomUUID(), tenant, "tx2", null);
        assertThrows(IllegalStateException.class, () -> await(transactions.inTransaction(() -> flows.create(g)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule"))))));
        assertEquals(!transactionsRollBack(), await(flows.find(tenant, g.id())).isPresent());
    }

    @Inject io.vertx.core.Vertx vertx;

    /** Subscribes on a Vert.x thread of the given kind and hands the result back to the test thread. */
    <T> T onVertx(String kind, java.util.function.Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> work.get().subscribe().with(result::complete, result::completeExceptionally);
        switch (kind) {
            case "event-loop" -> vertx.getOrCreateContext().runOnContext(v -> start.run());
            case "duplicated" -> io.smallrye.common.vertx.VertxContext
                    .createNewDuplicatedContext(vertx.getOrCreateContext()).runOnContext(v -> start.run());
            case "worker" -> vertx.executeBlocking(() -> {
                start.run();
                return null;
            }, false);
            default -> throw new IllegalArgumentException(kind);
        }
        return result.orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Test
    void repositoriesWorkFromVertxThreads() {
        Flow f = newFlow(tenant, "vertx");
        for (String kind : List.of("event-loop", "duplicated", "worker")) {
            assertEquals(f, onVertx(kind, () -> flows.find(tenant, f.id())).orElseThrow(), kind);
            // several operations in flight at once on one context must not share a session
            List<Optional<Flow>> many = onVertx(kind, () -> Uni.join().all(IntStream.range(0, 5)
                    .mapToObj(i -> flows.find(tenant, f.id())).toList()).andFailFast());
            assertTrue(many.stream().allMatch(o -> o.orElseThrow().equals(f)), kind);
            Flow created = onVertx(kind, () -> transactions.inTransaction(() -> flows.create(
                    Flow.create(UUID.randomUUID(), tenant, "tx-" + kind, null))));
            assertTrue(await(flows.find(tenant, created.id())).isPresent(), kind);
        }
    }

    @Test
    void repositoriesWorkFromAnyThread() {
        // callers include non-Vert.x threads (the engine's listener) and plain executors
        Flow f = CompletableFuture.supplyAsync(() -> newFlow(tenant, "threads")).join();
        List<CompletableFuture<Optional<Flow>>> reads = IntStream.range(0, 20)
                .mapToObj(i -> flows.find(tenant, f.id()).subscribeAsCompletionStage()).toList();
        for (CompletableFuture<Optional<Flow>> r : reads) assertEquals(f, r.join().orElseThrow());
    }
}
