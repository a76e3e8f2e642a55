package io.fdl.runtime.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fdl.runtime.tools.db.DatasourcePools;
import io.fdl.runtime.tools.db.DbExecutor;
import io.fdl.runtime.tools.db.DbToolHandler;
import io.fdl.runtime.tools.db.RowReader;
import io.fdl.runtime.tools.db.ValueBinder;
import io.fdl.runtime.tools.http.HttpToolHandler;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** Wires the tool handlers: one shared HTTP client, the datasource pools, the credential cipher. */
@ApplicationScoped
public class ToolsProducer {

    @ConfigProperty(name = "fdl.tools.secret-key")
    Optional<String> secretKey;
    /** The GML runtime zone (gml.md §11.1): date texts without offset and `timestamp` columns use it. */
    @ConfigProperty(name = "fdl.runtime-zone", defaultValue = "UTC")
    String runtimeZone;
    @ConfigProperty(name = "fdl.tools.http.max-connections", defaultValue = "200")
    int maxHttpConnections;
    @ConfigProperty(name = "fdl.tools.http.max-response-bytes", defaultValue = "10485760")
    int maxResponseBytes;

    @Produces
    @Singleton
    SecretCipher cipher(io.fdl.runtime.auth.SigningSecret signingSecret) {
        // without fdl.tools.secret-key the JWT secret keys the cipher (random per process in dev mode without one)
        return new SecretCipher(secretKey.filter(s -> !s.isBlank()).orElseGet(signingSecret::value));
    }

    /** Keep-alive and pooled; one per application. Redirects are not followed (per request, tools.md §3.4). */
    @Produces
    @Singleton
    @ToolsHttp
    HttpClient httpClient(io.vertx.core.Vertx vertx) {
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setDecompressionSupported(true)
                .setTryUseCompression(true)
                .setMaxHeaderSize(64 * 1024)
                .setName("fdl-tools-http");
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxHttpConnections).setHttp2MaxSize(maxHttpConnections));
    }

    void closeHttpClient(@Disposes @ToolsHttp HttpClient client) {
        client.close();
    }

    @Produces
    @Singleton
    HttpToolHandler httpHandler(ToolRegistry registry, io.vertx.core.Vertx vertx, @ToolsHttp HttpClient client, ObjectMapper mapper) {
        return new HttpToolHandler(registry, vertx, client, mapper, maxResponseBytes);
    }

    @Produces
    @Singleton
    DatasourcePools pools(io.vertx.mutiny.core.Vertx vertx) {
        return new DatasourcePools(vertx);
    }

    void closePools(@Disposes DatasourcePools pools) {
        pools.close();
    }

    @Produces
    @Singleton
    DbToolHandler dbHandler(ToolRegistry registry, DatasourcePools pools, ObjectMapper mapper) {
        ZoneId zone = ZoneId.of(runtimeZone);
        return new DbToolHandler(registry, pools, new DbExecutor(new RowReader(zone, mapper)), new ValueBinder(zone), Clock.systemUTC());
    }
}
