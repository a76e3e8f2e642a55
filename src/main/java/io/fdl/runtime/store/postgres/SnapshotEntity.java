package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** Run state of an unfinished execution (execution_snapshots, see V4). */
@Entity
@Table(name = "execution_snapshots")
public class SnapshotEntity extends PanacheEntityBase {
    @Id
    @Column(name = "execution_id")
    public UUID executionId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode snapshot;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
