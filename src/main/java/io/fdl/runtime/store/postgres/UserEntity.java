package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.User;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "users")
public class UserEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    public String username;
    @Column(name = "password_hash")
    public String passwordHash;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] roles;
    @Column(name = "bu_code")
    public String buCode;
    @Column(name = "failed_attempts")
    public int failedAttempts;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "token_version")
    public int tokenVersion;
    public boolean disabled;

    /** The fields an update replaces; the token version follows {@link User#nextTokenVersion}. */
    void update(User u) {
        tokenVersion = toRecord().nextTokenVersion(u);
        set(u);
    }

    void set(User u) {
        username = u.username();
        passwordHash = u.passwordHash();
        roles = u.roles().toArray(String[]::new);
        buCode = u.buCode();
        failedAttempts = u.failedAttempts();
        lockedUntil = Json.micros(u.lockedUntil());
        disabled = u.disabled();
    }

    User toRecord() {
        return new User(id, tenantId, username, passwordHash, roles == null ? List.of() : List.of(roles), buCode,
                failedAttempts, lockedUntil, createdAt, updatedAt, tokenVersion, disabled);
    }
}
