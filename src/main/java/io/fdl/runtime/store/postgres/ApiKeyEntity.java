package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_keys")
public class ApiKeyEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "flow_id")
    public UUID flowId;
    public String name;
    public String description;
    @Column(name = "key_prefix")
    public String keyPrefix;
    @Column(name = "key_hash")
    public String keyHash;
    @Column(name = "rate_limit")
    public int rateLimit;
    @Column(name = "is_active")
    public boolean active;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "usage_count")
    public long usageCount;

    ApiKey toRecord() {
        return new ApiKey(id, tenantId, flowId, name, description, keyPrefix, keyHash, rateLimit, active, expiresAt,
                lastUsedAt, createdAt, usageCount);
    }
}
