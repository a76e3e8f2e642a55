package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.FlowVersion;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "flow_versions")
public class FlowVersionEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "flow_id")
    public UUID flowId;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "version_number")
    public int versionNumber;
    public String label;
    public String fdl;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode data;
    @Column(name = "source_format")
    public String sourceFormat;
    @Column(name = "created_at")
    public Instant createdAt;
    public boolean valid = true;
    /** {@code {"items": [...]}}: Hibernate's JSON mapping of a JsonNode field decodes objects only, not arrays. */
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode diagnostics;

    FlowVersion toRecord() {
        return new FlowVersion(id, flowId, tenantId, versionNumber, label, fdl, data, sourceFormat, createdAt, valid,
                Json.unwrapArray(diagnostics));
    }
}
