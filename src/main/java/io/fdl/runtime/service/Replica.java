package io.fdl.runtime.service;

import io.fdl.runtime.config.FdlConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This replica's identity: {@code FDL_REPLICA_ID}, or the host name (the pod name on Kubernetes)
 * plus a random suffix, so a restarted process never mistakes the runs of its predecessor for
 * its own live ones.
 */
@ApplicationScoped
public class Replica {
    private final String id;

    @Inject
    public Replica(FdlConfig config) {
        this.id = config.durability().replicaId().filter(s -> !s.isBlank()).orElseGet(Replica::generated);
    }

    public String id() {
        return id;
    }

    private static String generated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "fdl";
        }
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        return (host.length() > 100 ? host.substring(0, 100) : host) + "-" + HexFormat.of().formatHex(b);
    }
}
