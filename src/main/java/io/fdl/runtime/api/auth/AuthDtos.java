package io.fdl.runtime.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Bodies of /api/auth/* (api.md §3.1). JSON names are snake_case. */
public final class AuthDtos {
    private AuthDtos() {}

    @RegisterForReflection
    @Schema(name = "LoginRequest", description = "tenant_id and bu_code default to \"default\"; in dev mode any "
            + "username/password is accepted")
    public record LoginRequest(@Schema(required = true) String username, @Schema(required = true) String password,
                               @JsonProperty("tenant_id") String tenantId, @JsonProperty("bu_code") String buCode) {
        @Override
        public String toString() { // never print the password
            return "LoginRequest[username=" + username + ", tenant_id=" + tenantId + ", bu_code=" + buCode + "]";
        }
    }

    @RegisterForReflection
    @Schema(name = "RefreshRequest")
    public record RefreshRequest(@Schema(required = true) @JsonProperty("refresh_token") String refreshToken) {
        @Override
        public String toString() { return "RefreshRequest[***]"; }
    }

    @RegisterForReflection
    @Schema(name = "Me", description = "The caller as the access token describes it")
    public record Me(String username, @JsonProperty("tenant_id") String tenantId,
                     @JsonProperty("tenant") String tenant, @JsonProperty("bu_code") String buCode,
                     List<String> roles, String role) {}
}
