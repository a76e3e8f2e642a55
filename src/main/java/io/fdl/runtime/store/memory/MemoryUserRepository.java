package io.fdl.runtime.store.memory;

import io.fdl.runtime.store.Constraints;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.User;
import io.fdl.runtime.store.UserRepository;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class MemoryUserRepository implements UserRepository {
    private final MemoryDatabase db;

    MemoryUserRepository(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Uni<User> create(User u) {
        return db.call(() -> {
            if (db.users.containsKey(u.id())) throw new StoreConflictException(Constraints.USER_ID, "user id exists");
            checkUsername(u, null);
            Instant now = MemoryDatabase.now();
            User stored = new User(u.id(), u.tenantId(), u.username(), u.passwordHash(), u.roles(), u.buCode(),
                    u.failedAttempts(), MemoryDatabase.micros(u.lockedUntil()), now, now, 0, u.disabled());
            db.users.put(u.id(), stored);
            return stored;
        });
    }

    private void checkUsername(User u, UUID self) {
        boolean taken = db.users.values().stream().anyMatch(x -> x.tenantId().equals(u.tenantId())
                && x.username().equals(u.username()) && !x.id().equals(self));
        if (taken) throw new StoreConflictException(Constraints.USER_USERNAME, "username taken: " + u.username());
    }

    @Override
    public Uni<Optional<User>> find(UUID tenantId, UUID userId) {
        return db.call(() -> Optional.ofNullable(db.users.get(userId)).filter(u -> u.tenantId().equals(tenantId)));
    }

    @Override
    public Uni<Optional<User>> findByUsername(UUID tenantId, String username) {
        return db.call(() -> db.users.values().stream()
                .filter(u -> u.tenantId().equals(tenantId) && u.username().equals(username)).findFirst());
    }

    @Override
    public Uni<List<User>> list(UUID tenantId) {
        return db.call(() -> db.users.values().stream().filter(u -> u.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(User::username)).toList());
    }

    @Override
    public Uni<Long> count(UUID tenantId) {
        return db.call(() -> db.users.values().stream().filter(u -> u.tenantId().equals(tenantId)).count());
    }

    @Override
    public Uni<Optional<User>> update(User u) {
        return db.call(() -> {
            User old = db.users.get(u.id());
            if (old == null || !old.tenantId().equals(u.tenantId())) return Optional.empty();
            checkUsername(u, u.id());
            User stored = new User(u.id(), old.tenantId(), u.username(), u.passwordHash(), u.roles(), u.buCode(),
                    u.failedAttempts(), MemoryDatabase.micros(u.lockedUntil()), old.createdAt(), MemoryDatabase.now(),
                    old.nextTokenVersion(u), u.disabled());
            db.users.put(u.id(), stored);
            return Optional.of(stored);
        });
    }

    @Override
    public Uni<Boolean> delete(UUID tenantId, UUID userId) {
        return db.call(() -> {
            User old = db.users.get(userId);
            if (old == null || !old.tenantId().equals(tenantId)) return false;
            db.users.remove(userId);
            return true;
        });
    }
}
