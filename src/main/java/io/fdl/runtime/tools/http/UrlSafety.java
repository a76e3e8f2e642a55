package io.fdl.runtime.tools.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * URL rules that keep an api:// call on its registered base URL: base URLs are plain http(s) with a
 * host and no credentials, query or fragment; exec paths are relative, without dot segments
 * (also percent-encoded), authority tricks or raw special characters.
 */
public final class UrlSafety {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final String SUB_DELIMS = "!$&'()*+,;=";

    private UrlSafety() {}

    /** The parsed base URL, or an explanation why it is not acceptable. */
    public record Base(boolean ssl, String host, int port, String path) {}

    public static Base parseBase(String baseUrl) {
        String problem = baseUrlProblem(baseUrl).orElse(null);
        if (problem != null) throw new IllegalArgumentException(problem);
        URI u = URI.create(baseUrl.trim());
        boolean ssl = u.getScheme().equalsIgnoreCase("https");
        int port = u.getPort() > 0 ? u.getPort() : ssl ? 443 : 80;
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        String host = u.getHost();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return new Base(ssl, host, port, path);
    }

    /** Why a base URL is refused (config validation, 400), or empty when it is fine. */
    public static Optional<String> baseUrlProblem(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) return Optional.of("base_url is required");
        URI u;
        try {
            u = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            return Optional.of("base_url is not a valid URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.of("base_url must be an http:// or https:// URL");
        if (u.getRawAuthority() == null || u.getHost() == null || u.getHost().isEmpty()) return Optional.of("base_url has no host");
        if (u.getRawUserInfo() != null) return Optional.of("base_url must not contain credentials; use auth_type and auth_config");
        if (u.getRawQuery() != null || u.getRawFragment() != null) return Optional.of("base_url must not have a query string or fragment");
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        for (String seg : path.split("/")) {
            if (isDotSegment(decode(seg))) return Optional.of("base_url must not contain '.' or '..' segments");
        }
        return Optional.empty();
    }

    /**
     * Checks an exec path after placeholders were filled: relative, only path characters, no dot
     * segments in any encoding. Returns the problem, or empty.
     */
    public static Optional<String> pathProblem(String path) {
        if (path.isEmpty()) return Optional.empty();
        if (path.startsWith("/")) return Optional.of("path must not start with '/'");
        if (path.contains("://")) return Optional.of("path must not contain a URL");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (i + 2 >= path.length() || hex(path.charAt(i + 1)) < 0 || hex(path.charAt(i + 2)) < 0) {
                    return Optional.of("path has an invalid percent-encoding");
                }
            } else if (c != '/' && c != ':' && UNRESERVED.indexOf(c) < 0 && SUB_DELIMS.indexOf(c) < 0) {
                return Optional.of("path contains the character '" + (c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "' (write it percent-encoded or pass it as an argument)");
            }
        }
        for (String seg : path.split("/", -1)) {
            String decoded = decode(seg);
            if (isDotSegment(decoded)) return Optional.of("path must not contain '.' or '..' segments");
            // an encoded slash or backslash hiding a dot segment ("..%2F..") is refused too
            for (String part : decoded.split("[/\\\\]", -1)) {
                if (decoded.length() != seg.length() && isDotSegment(part) && !part.isEmpty()) {
                    return Optional.of("path must not contain encoded '.' or '..' segments");
                }
            }
            if (decoded.indexOf('\u0000') >= 0) return Optional.of("path must not contain NUL");
        }
        return Optional.empty();
    }

    private static boolean isDotSegment(String s) {
        return s.equals(".") || s.equals("..");
    }

    /** Percent-encodes text as one path segment or query component: everything but unreserved characters. */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String decode(String s) {
        if (s.indexOf('%') < 0) return s;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
