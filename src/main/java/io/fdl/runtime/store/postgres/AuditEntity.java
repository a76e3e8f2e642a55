package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.AuditEntry;
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
@Table(name = "audit_logs")
public class AuditEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode details;
    @Column(name = "ip_address")
    public String ip;
    @Column(name = "created_at")
    public Instant createdAt;

    AuditEntry toRecord() {
        return new AuditEntry(id, tenantId, userId, eventType, resourceType, resourceId, details, ip, createdAt);
    }
}
