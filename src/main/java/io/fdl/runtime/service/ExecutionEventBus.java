package io.fdl.runtime.service;

import io.fdl.runtime.engine.ExecutionEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process fan-out of execution events to live subscribers (the WebSocket layer, waiting sync
 * callers). It is the last stage of the one event pipeline ({@link EventPipeline}).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Topics</b> are always scoped by tenant: a subscriber names its tenant, and an event is
 *       only delivered to subscriptions of the execution's own tenant. Three topics exist: one
 *       execution, every execution of one flow, every execution of the tenant.</li>
 *   <li><b>Ordering</b>: for one execution, every subscriber receives events in strictly increasing
 *       {@code seq} order, without gaps, from the moment it subscribed. {@link #publish} is called by
 *       the pipeline serially per execution, and delivery is synchronous on the publishing thread.</li>
 *   <li><b>Listeners must not block</b> and should be cheap: they run on the thread that drives the
 *       run (possibly a Vert.x event loop). A slow consumer (a WebSocket) must hand the event to its
 *       own bounded queue and decide itself what to do when it overflows. A listener that throws is
 *       logged and does not affect other listeners or the run.</li>
 *   <li><b>Backlog then live</b>: to read the persisted log and then follow live events without gap
 *       or duplicate, use {@link ExecutionEventLog#follow}: it subscribes here first (buffering),
 *       then reads the stored events plus the not-yet-persisted tail, and delivers everything with
 *       {@code seq > after_seq} exactly once in seq order.</li>
 * </ul>
 */
@ApplicationScoped
public class ExecutionEventBus {
    private static final Logger LOG = Logger.getLogger(ExecutionEventBus.class);

    /** An event together with the routing facts the bare event does not carry. */
    public record Envelope(String tenantId, String flowId, ExecutionEvent event) {}

    /** What a subscriber listens to; always within one tenant. */
    public sealed interface Topic {
        String tenantId();

        record Execution(String tenantId, String executionId) implements Topic {}

        record Flow(String tenantId, String flowId) implements Topic {}

        record Tenant(String tenantId) implements Topic {}
    }

    /** Ends a subscription; idempotent. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Map<Topic, List<Consumer<Envelope>>> listeners = new ConcurrentHashMap<>();

    public Subscription subscribe(Topic topic, Consumer<Envelope> listener) {
        Objects.requireNonNull(topic);
        Objects.requireNonNull(listener);
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(topic, (t, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** Delivers one event to the subscribers of its execution, its flow and its tenant. */
    public void publish(Envelope envelope) {
        if (listeners.isEmpty()) return;
        String tenant = envelope.tenantId();
        deliver(new Topic.Execution(tenant, envelope.event().executionId()), envelope);
        if (envelope.flowId() != null) deliver(new Topic.Flow(tenant, envelope.flowId()), envelope);
        deliver(new Topic.Tenant(tenant), envelope);
    }

    /** Number of active subscriptions (health/detailed). */
    public int subscriptionCount() {
        return listeners.values().stream().mapToInt(List::size).sum();
    }

    private void deliver(Topic topic, Envelope envelope) {
        List<Consumer<Envelope>> list = listeners.get(topic);
        if (list == null) return;
        for (Consumer<Envelope> l : list) {
            try {
                l.accept(envelope);
            } catch (RuntimeException e) {
                LOG.warnf(e, "execution event listener failed on %s seq %d", envelope.event().executionId(),
                        envelope.event().seq());
            }
        }
    }
}
