package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.ExecutionMode;
import io.fdl.runtime.store.ExecutionStatus;
import io.fdl.runtime.store.ExecutionSummary;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of execution_history (see V4/V5: the snapshot lives in {@link SnapshotEntity}). */
@Entity
@Table(name = "execution_history")
public class ExecutionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "flow_id")
    public UUID flowId;
    @Column(name = "flow_name")
    public String flowName;
    @Column(name = "version_id")
    public UUID versionId;
    /** Wire form ({@code running}); kept as text to match the CHECK constraint. */
    public String status;
    public String mode;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode inputs;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode result;
    public String error;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "error_detail")
    public JsonNode errorDetail;
    public double progress;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "current_nodes")
    public String[] currentNodes;
    @Column(name = "parent_execution_id")
    public UUID parentExecutionId;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "duration_ms")
    public Long durationMs;

    /** The fields an update may change. */
    void setMutable(Execution e) {
        status = e.status().wire();
        result = Json.copy(e.result());
        error = Json.text(e.error());
        errorDetail = Json.copy(e.errorDetail());
        progress = e.progress();
        currentNodes = Json.text(e.currentNodes().toArray(String[]::new));
        completedAt = Json.micros(e.completedAt());
        durationMs = e.durationMs();
    }

    Execution toRecord(JsonNode snapshot) {
        return new Execution(id, tenantId, flowId, flowName, versionId, ExecutionStatus.fromWire(status),
                ExecutionMode.fromWire(mode), inputs, result, error, errorDetail, progress,
                currentNodes == null ? List.of() : List.of(currentNodes), snapshot, parentExecutionId,
                idempotencyKey, startedAt, completedAt, durationMs);
    }

    ExecutionSummary toSummary() {
        return new ExecutionSummary(id, flowId, flowName, versionId, ExecutionStatus.fromWire(status),
                ExecutionMode.fromWire(mode), progress, startedAt, completedAt, durationMs);
    }

    boolean terminal() {
        return ExecutionStatus.fromWire(status).terminal();
    }
}
