package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.Flow;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "flows")
public class FlowEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String name;
    public String description;
    public String thumbnail;
    public boolean published;
    @Column(name = "published_version_id")
    public UUID publishedVersionId;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    Flow toRecord() {
        return new Flow(id, tenantId, name, description, thumbnail, published, publishedVersionId, publishedAt,
                createdAt, updatedAt);
    }
}
