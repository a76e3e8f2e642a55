package io.fdl.runtime.auth;

import io.fdl.runtime.config.FdlConfig;
import io.fdl.runtime.store.StoreConflictException;
import io.fdl.runtime.store.Tenant;
import io.fdl.runtime.store.User;
import io.fdl.runtime.store.UserRepository;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Creates the first account when dev mode is off and {@code FDL_BOOTSTRAP_ADMIN_PASSWORD} is set
 * (api.md §3.1): user {@code FDL_BOOTSTRAP_ADMIN_USERNAME} (default {@code admin}) in tenant
 * {@code default}, role <b>superadmin</b> (the operator's root account: it must be able to create
 * tenants and their admins). It is created only when absent; an existing account is never
 * modified, so changing the variable later does not reset a password that was changed since.
 * Attempted at start-up and, should the store have been unreachable then, before each login.
 */
@ApplicationScoped
public class BootstrapAdmin {
    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    @Inject
    FdlConfig config;
    @Inject
    UserRepository users;
    @Inject
    PasswordHasher hasher;

    private final AtomicBoolean done = new AtomicBoolean();

    void onStart(@Observes StartupEvent ev) {
        if (!wanted()) {
            done.set(true);
            return;
        }
        try {
            VertxContextSupport.subscribeAndAwait(this::ensure);
        } catch (Throwable e) {
            LOG.errorf("bootstrap admin not created at start-up (will retry at the next login): %s", e.toString());
        }
    }

    private boolean wanted() {
        return !config.devMode() && config.bootstrapAdminPassword().filter(p -> !p.isBlank()).isPresent();
    }

    /** Idempotent; completes immediately once the account is known to exist. */
    public Uni<Void> ensure() {
        if (done.get()) return Uni.createFrom().voidItem();
        if (!wanted()) {
            done.set(true);
            return Uni.createFrom().voidItem();
        }
        String password = config.bootstrapAdminPassword().orElseThrow();
        String violation = PasswordHasher.policyViolation(password);
        if (violation != null) {
            LOG.errorf("FDL_BOOTSTRAP_ADMIN_PASSWORD refused (%s): no bootstrap admin created", violation);
            done.set(true);
            return Uni.createFrom().voidItem();
        }
        String username = config.bootstrapAdminUsername();
        return users.findByUsername(Tenant.DEFAULT_ID, username).chain(existing -> {
            if (existing.isPresent()) {
                done.set(true);
                return Uni.createFrom().voidItem();
            }
            return hasher.hash(password)
                    .chain(hash -> users.create(new User(UUID.randomUUID(), Tenant.DEFAULT_ID, username, hash,
                            List.of(Roles.SUPERADMIN), AuthPrincipal.DEFAULT_BU, 0, null, null, null)))
                    .invoke(u -> {
                        done.set(true);
                        LOG.infof("bootstrap admin '%s' created in tenant default (role superadmin)", username);
                    })
                    .onFailure(StoreConflictException.class).recoverWithItem(() -> {
                        done.set(true); // another replica created it concurrently
                        return null;
                    })
                    .replaceWithVoid();
        });
    }
}
