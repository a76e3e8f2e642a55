package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.ToolService;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "tool_services")
@IdClass(TenantNameId.class)
public class ToolServiceEntity extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Id
    public String name;
    @Column(name = "display_name")
    public String displayName;
    public String description;
    @Column(name = "base_url")
    public String baseUrl;
    @Column(name = "auth_type")
    public String authType;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "auth_config")
    public JsonNode authConfig;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "default_headers")
    public JsonNode defaultHeaders;
    @Column(name = "timeout_ms")
    public int timeoutMs;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    void set(ToolService s) {
        displayName = s.displayName();
        description = s.description();
        baseUrl = s.baseUrl();
        authType = s.authType();
        authConfig = Json.orEmpty(s.authConfig());
        defaultHeaders = Json.orEmpty(s.defaultHeaders());
        timeoutMs = s.timeoutMs();
        enabled = s.enabled();
    }

    ToolService toRecord() {
        return new ToolService(tenantId, name, displayName, description, baseUrl, authType, authConfig, defaultHeaders,
                timeoutMs, enabled, createdAt, updatedAt);
    }
}
