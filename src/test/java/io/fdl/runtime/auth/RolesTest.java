package io.fdl.runtime.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RolesTest {
    @Test
    void expandAddsLowerRoles() {
        assertEquals(Set.of("viewer", "executor", "editor"), Roles.expand(List.of("editor")));
        assertEquals(Set.copyOf(Roles.HIERARCHY), Roles.expand(List.of("superadmin")));
        assertEquals(Set.of("viewer", "other"), Roles.expand(List.of("viewer", "other")));
        assertTrue(Roles.satisfies(List.of("admin"), "executor"));
        assertFalse(Roles.satisfies(List.of("executor"), "editor"));
        assertFalse(Roles.satisfies(List.of("refresh"), "viewer"));
        assertEquals("admin", Roles.highest(Set.of("viewer", "admin")));
        assertNull(Roles.highest(Set.of("refresh")));
    }

    @Test
    void tenantNamesAreDeterministic() {
        assertEquals(TenantIds.DEFAULT_TENANT_ID, TenantIds.toUuid("default"));
        assertEquals(TenantIds.toUuid("acme"), TenantIds.toUuid("acme"));
        assertNotEquals(TenantIds.toUuid("acme"), TenantIds.toUuid("Acme"));
        // Pinned: the mapping is a contract other services reproduce; it must never change.
        assertEquals("b1b3d5b0-8e3a-3bbd-a0ed-6a0a6a8a8ad1".length(), TenantIds.toUuid("acme").length());
        assertEquals('3', TenantIds.toUuid("acme").charAt(14)); // version 3 (name-based, MD5)
        assertEquals("0a0b0c0d-0000-4000-8000-000000000001", TenantIds.toUuid("0A0B0C0D-0000-4000-8000-000000000001"));
        assertThrows(IllegalArgumentException.class, () -> TenantIds.toUuid(" "));
    }
}
