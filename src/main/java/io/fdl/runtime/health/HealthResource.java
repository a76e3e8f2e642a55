package io.fdl.runtime.health;

import io.fdl.runtime.service.Leases;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** api.md §10 health endpoints (public, no token). */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "health")
public class HealthResource {

    private final DatabaseProbe database;
    private final Gauges gauges;
    private final String version;
    private final Instant startedAt;

    private final Leases leases;

    public HealthResource(DatabaseProbe database, Gauges gauges, Leases leases,
                          @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.database = database;
        this.leases = leases;
        this.gauges = gauges;
        this.version = version;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        this.startedAt = Instant.ofEpochMilli(jvmStart);
    }

    public record Basic(String status, String version) {}

    public record Live(boolean alive) {}

    /** Reaches Jackson only as a Response entity (Object), so the native image needs it registered. */
    @RegisterForReflection
    public record Ready(boolean ready, Map<String, String> checks) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DatabaseInfo(String status, @JsonProperty("latency_ms") Long latencyMs, @JsonProperty("pool_size") int poolSize) {}

    public record ExecutionsInfo(int running, int waiting) {}

    public record WebSocketInfo(int connections, int subscriptions) {}

    public record MemoryInfo(@JsonProperty("used_bytes") long usedBytes, @JsonProperty("max_bytes") long maxBytes) {}

    /** Durable runs (PostgreSQL mode): lease lag is the time since this replica last renewed its lease. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReplicaInfo(String id, @JsonProperty("owned_runs") int ownedRuns,
                              @JsonProperty("queued_runs") long queuedRuns,
                              @JsonProperty("lease_lag_ms") Long leaseLagMs, boolean draining) {}

    public record Detailed(String status, String version,
                           @JsonProperty("uptime_seconds") long uptimeSeconds,
                           @JsonProperty("started_at") String startedAt,
                           String storage, DatabaseInfo database, ExecutionsInfo executions,
                           WebSocketInfo websocket, MemoryInfo memory, ReplicaInfo replica) {}

    private ReplicaInfo replica() {
        Leases.Status s = leases.status();
        return new ReplicaInfo(s.replicaId(), s.ownedRuns(), s.queuedRuns(), s.leaseLagMs(), s.draining());
    }

    @GET
    @Operation(summary = "Service health", description = "Always 200 while the process serves HTTP")
    public Basic health() {
        return new Basic("healthy", version);
    }

    @GET
    @Path("live")
    @Operation(summary = "Liveness")
    public Live live() {
        return new Live(true);
    }

    @GET
    @Path("ready")
    @Operation(summary = "Readiness", description = "503 when the database is enabled and does not answer")
    public Uni<Response> ready() {
        return database.check().map(db -> {
            boolean ready = db.status() != DatabaseProbe.Status.DOWN && !leases.draining();
            Ready body = new Ready(ready, Map.of("database", db.status().name().toLowerCase(),
                    "replica", leases.draining() ? "draining" : "serving"));
            return Response.status(ready ? 200 : 503).entity(body).build();
        });
    }

    @GET
    @Path("detailed")
    @Operation(summary = "Detailed status: uptime, storage, database latency, executions, websockets, memory")
    public Uni<Detailed> detailed() {
        return database.check().map(db -> {
            Runtime rt = Runtime.getRuntime();
            Instant now = Instant.now();
            return new Detailed(
                    db.status() == DatabaseProbe.Status.DOWN ? "degraded" : "healthy",
                    version,
                    Duration.between(startedAt, now).toSeconds(),
                    startedAt.toString(),
                    database.enabled() ? "postgres" : "memory",
                    new DatabaseInfo(db.status().name().toLowerCase(), db.latencyMs(), database.poolSize()),
                    new ExecutionsInfo(gauges.executionsRunning(), gauges.executionsWaiting()),
                    new WebSocketInfo(gauges.websocketConnections(), gauges.websocketSubscriptions()),
                    new MemoryInfo(rt.totalMemory() - rt.freeMemory(), rt.maxMemory()), replica());
        });
    }
}
