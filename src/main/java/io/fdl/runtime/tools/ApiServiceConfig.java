package io.fdl.runtime.tools;

import java.util.Map;

/**
 * A registered HTTP service for api:// (tools.md §3.2), with its secrets in clear: this record only
 * lives in memory on the call path and is never serialised to clients or logs.
 */
public record ApiServiceConfig(String name, String baseUrl, AuthType authType, Map<String, String> authConfig,
                               Map<String, String> defaultHeaders, long timeoutMs, boolean enabled) {

    public static final long DEFAULT_TIMEOUT_MS = 30_000L;

    public enum AuthType { NONE, APIKEY, BASIC, BEARER }

    public ApiServiceConfig {
        authConfig = authConfig == null ? Map.of() : Map.copyOf(authConfig);
        defaultHeaders = defaultHeaders == null ? Map.of() : Map.copyOf(defaultHeaders);
    }

    @Override
    public String toString() { // never print secrets
        return "ApiServiceConfig[name=" + name + ", baseUrl=" + baseUrl + ", authType=" + authType + ", enabled=" + enabled + "]";
    }
}
