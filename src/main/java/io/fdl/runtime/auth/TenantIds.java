package io.fdl.runtime.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps the tenant string of a token (or of a superadmin's request) onto the tenant UUID that every
 * stored row carries (api.md §3.2):
 * <ul>
 *   <li>{@code "default"} → {@value #DEFAULT_TENANT_ID};</li>
 *   <li>a UUID string → that UUID, normalised to lower case;</li>
 *   <li>any other string → the RFC 4122 version-3 (MD5, name-based) UUID of {@link #NAMESPACE}
 *       followed by the UTF-8 bytes of the string exactly as written (case-sensitive, not trimmed),
 *       i.e. {@code UUID.nameUUIDFromBytes(namespaceBytes ++ name.getBytes(UTF_8))}. Any other
 *       service can reproduce it; the namespace must therefore never change.</li>
 * </ul>
 */
public final class TenantIds {
    public static final String DEFAULT_TENANT_NAME = "default";
    public static final String DEFAULT_TENANT_ID = "00000000-0000-0000-0000-000000000001";
    /** Fixed namespace of FDL tenant names (a random v4 UUID chosen once for this purpose). */
    public static final UUID NAMESPACE = UUID.fromString("6f1d5c0e-3b7a-4c2e-9e61-fd1a7e4a0001");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private TenantIds() {}

    /** The tenant UUID (lower-case string) for a token's {@code tenant_id}; null/blank → IllegalArgumentException. */
    public static String toUuid(String tenant) {
        if (tenant == null || tenant.isBlank()) throw new IllegalArgumentException("tenant is empty");
        if (DEFAULT_TENANT_NAME.equals(tenant)) return DEFAULT_TENANT_ID;
        if (UUID_TEXT.matcher(tenant).matches()) return tenant.toLowerCase(Locale.ROOT);
        byte[] name = tenant.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(16 + name.length);
        buf.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits()).put(name);
        return UUID.nameUUIDFromBytes(buf.array()).toString();
    }

    /** True when the string is a UUID in canonical 8-4-4-4-12 form. */
    public static boolean isUuid(String s) {
        return s != null && UUID_TEXT.matcher(s).matches();
    }
}
