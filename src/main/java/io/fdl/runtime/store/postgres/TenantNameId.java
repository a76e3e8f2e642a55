package io.fdl.runtime.store.postgres;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Composite id (tenant_id, name) of tool services and datasources. */
public class TenantNameId implements Serializable {
    public UUID tenantId;
    public String name;

    public TenantNameId() {
    }

    public TenantNameId(UUID tenantId, String name) {
        this.tenantId = tenantId;
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TenantNameId other && Objects.equals(tenantId, other.tenantId)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, name);
    }
}
