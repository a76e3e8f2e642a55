package io.fdl.runtime.store.postgres;

import io.fdl.runtime.store.User;
import io.fdl.runtime.store.UserRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class PgUserRepository extends PgBase implements UserRepository {
    PgUserRepository(ContextRunner runner) {
        super(runner);
    }

    @Override
    public Uni<User> create(User u) {
        return write(() -> {
            UserEntity e = new UserEntity();
            e.id = u.id();
            e.tenantId = u.tenantId();
            e.set(u);
            Instant now = Json.now();
            e.createdAt = now;
            e.updatedAt = now;
            return e.persistAndFlush().map(x -> e.toRecord());
        });
    }

    private static Uni<UserEntity> get(UUID tenantId, UUID userId) {
        return UserEntity.<UserEntity>find("id = ?1 and tenantId = ?2", userId, tenantId).firstResult();
    }

    @Override
    public Uni<Optional<User>> find(UUID tenantId, UUID userId) {
        return read(() -> get(tenantId, userId).map(e -> Optional.ofNullable(e).map(UserEntity::toRecord)));
    }

    @Override
    public Uni<Optional<User>> findByUsername(UUID tenantId, String username) {
        return read(() -> UserEntity.<UserEntity>find("tenantId = ?1 and username = ?2", tenantId, username)
                .firstResult().map(e -> Optional.ofNullable(e).map(UserEntity::toRecord)));
    }

    @Override
    public Uni<List<User>> list(UUID tenantId) {
        return read(() -> UserEntity.<UserEntity>find("tenantId = ?1", Sort.ascending("username"), tenantId).list()
                .map(l -> l.stream().map(UserEntity::toRecord).toList()));
    }

    @Override
    public Uni<Long> count(UUID tenantId) {
        return read(() -> UserEntity.count("tenantId = ?1", tenantId));
    }

    @Override
    public Uni<Optional<User>> update(User u) {
        return write(() -> get(u.tenantId(), u.id()).chain(e -> {
            if (e == null) return Uni.createFrom().item(Optional.<User>empty());
            e.update(u);
            e.updatedAt = Json.now();
            // flush now so a taken username fails this call, not a later one
            return e.persistAndFlush().map(x -> Optional.of(e.toRecord()));
        }));
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID userId) {
        return write(() -> UserEntity.delete("id = ?1 and tenantId = ?2", userId, tenantId).map(n -> n > 0));
    }
}
