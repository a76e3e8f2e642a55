package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.Datasource;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "datasources")
@IdClass(TenantNameId.class)
public class DatasourceEntity extends PanacheEntityBase {
    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Id
    public String name;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "db_type")
    public String dbType;
    @Column(name = "connection_string")
    public String connectionString;
    @Column(name = "schema_name")
    public String schema;
    @Column(name = "table_name")
    public String table;
    @Column(name = "pool_size")
    public int poolSize;
    @Column(name = "timeout_ms")
    public int timeoutMs;
    @Column(name = "read_only")
    public boolean readOnly;
    @Column(name = "allow_native")
    public boolean allowNative;
    public boolean enabled;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    void set(Datasource d) {
        displayName = d.displayName();
        dbType = d.dbType();
        connectionString = d.connectionString();
        schema = d.schema() == null ? "public" : d.schema();
        table = d.table();
        poolSize = d.poolSize();
        timeoutMs = d.timeoutMs();
        readOnly = d.readOnly();
        allowNative = d.allowNative();
        enabled = d.enabled();
    }

    Datasource toRecord() {
        return new Datasource(tenantId, name, displayName, dbType, connectionString, schema, table, poolSize, timeoutMs,
                readOnly, allowNative, enabled, createdAt, updatedAt);
    }
}
