package io.fdl.runtime.health;

import io.fdl.runtime.service.Leases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready} is DOWN from SIGTERM on, so the load balancer stops sending work at once. */
@Readiness
@ApplicationScoped
public class DrainingCheck implements HealthCheck {
    @Inject
    Leases leases;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("replica").status(!leases.draining()).build();
    }
}
