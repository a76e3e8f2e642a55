package io.fdl.runtime.service;

import io.fdl.runtime.store.Execution;
import io.fdl.runtime.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes the final record of an execution so that every execution reaches a terminal state, even
 * when its result cannot be stored (issue: a run whose output PostgreSQL refused stayed
 * {@code running} forever, held its slot, and its sync client got no answer).
 *
 * <p>The result is written with bounded retries: a store outage ({@link StoreUnavailableException})
 * is retried with exponential backoff, {@code fdl.store.final-write-attempts} times in all; any
 * other failure (a constraint, data the database refuses) is deterministic and not retried. When
 * the result cannot be written, the execution ends as {@code failed} with code
 * {@value #STORAGE_ERROR}: a small record without the run's data, written with the same retries.
 * Either way the caller gets a terminal record (the sync client is answered, the slot released).
 * If even that record cannot be written (an outage longer than the retries), it keeps being
 * retried in the background for {@code fdl.store.final-write-window-s}, so the stored row does not
 * stay {@code running} once the database is back.
 */
@ApplicationScoped
public class FinalRecords {
    private static final Logger LOG = Logger.getLogger(FinalRecords.class);
    public static final String STORAGE_ERROR = "STORAGE_ERROR";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration MAX_BACKGROUND_BACKOFF = Duration.ofSeconds(30);

    @ConfigProperty(name = "fdl.store.final-write-attempts", defaultValue = "5")
    int attempts;
    @ConfigProperty(name = "fdl.store.final-write-backoff-ms", defaultValue = "250")
    long backoffMs;
    @ConfigProperty(name = "fdl.store.final-write-window-s", defaultValue = "3600")
    long backgroundWindowSeconds;

    /**
     * @param write         writes the real final record (with its audit line); may be subscribed again
     * @param storageError  the record that ends the execution when the result cannot be stored
     * @param writeFallback writes that record (same compare-and-set as {@code write})
     */
    public Uni<Execution> write(UUID executionId, Supplier<Uni<Execution>> write, Supplier<Execution> storageError,
                                Function<Execution, Uni<Execution>> writeFallback) {
        return retried(Uni.createFrom().deferred(write::get)).onFailure().recoverWithUni(cause -> {
            LOG.errorf("the final record of execution %s could not be stored (%s); ending it as failed with %s",
                    executionId, cause.toString(), STORAGE_ERROR);
            Execution fallback = storageError.get();
            Uni<Execution> writeIt = Uni.createFrom().deferred(() -> writeFallback.apply(fallback));
            return retried(writeIt).onFailure().recoverWithItem(again -> {
                LOG.errorf("storing %s for execution %s failed too (%s); retrying in the background",
                        STORAGE_ERROR, executionId, again.toString());
                inBackground(executionId, writeIt);
                return fallback;
            });
        });
    }

    private Uni<Execution> retried(Uni<Execution> write) {
        if (attempts <= 1) return write;
        return write.onFailure(StoreUnavailableException.class).retry()
                .withBackOff(Duration.ofMillis(Math.max(1, backoffMs)), MAX_BACKOFF).atMost(attempts - 1L);
    }

    private void inBackground(UUID executionId, Uni<Execution> writeIt) {
        writeIt.onFailure(StoreUnavailableException.class).retry()
                .withBackOff(MAX_BACKOFF, MAX_BACKGROUND_BACKOFF)
                .expireIn(Duration.ofSeconds(backgroundWindowSeconds).toMillis())
                .subscribe().with(
                        e -> LOG.infof("execution %s stored as failed with %s", executionId, STORAGE_ERROR),
                        e -> LOG.errorf("execution %s could not be stored as failed: %s", executionId, e.toString()));
    }
}
