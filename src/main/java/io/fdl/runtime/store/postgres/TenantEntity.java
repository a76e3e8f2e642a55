package io.fdl.runtime.store.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.store.Tenant;
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
@Table(name = "tenants")
public class TenantEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "bu_code")
    public String buCode;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode config;
    @Column(name = "max_flows")
    public Integer maxFlows;
    @Column(name = "max_executions_per_day")
    public Integer maxExecutionsPerDay;
    @Column(name = "is_active")
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    void set(Tenant t) {
        buCode = t.buCode();
        name = t.name();
        description = t.description();
        config = Json.orEmpty(t.config());
        maxFlows = t.maxFlows();
        maxExecutionsPerDay = t.maxExecutionsPerDay();
        active = t.active();
    }

    Tenant toRecord() {
        return new Tenant(id, buCode, name, description, config, maxFlows, maxExecutionsPerDay, active, createdAt,
                updatedAt);
    }
}
