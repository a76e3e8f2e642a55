package io.fdl.runtime.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL connection URL in libpq form, as {@code DATABASE_URL} carries it (api.md §1):
 * {@code postgres[ql]://[user[:password]@]host[:port][/database][?sslmode=…&…]}.
 *
 * <p>User and password are percent-decoded (so {@code p%40ss} is {@code p@ss}); the port defaults to
 * 5432 and the database, as in libpq, to the user name. IPv6 hosts are written in brackets.
 * Recognised parameters: {@code sslmode} (disable|allow|prefer|require|verify-ca|verify-full),
 * {@code sslrootcert}, {@code application_name}, {@code connect_timeout}; any other parameter is kept
 * in {@link #ignoredParameters()} so start-up can warn about it (libpq accepts dozens that mean
 * nothing to a JVM driver). {@link #toString()} never shows the password.
 */
public record DatabaseUrl(String host, int port, String database, Optional<String> user, Optional<String> password,
                          Optional<SslMode> sslMode, Optional<String> sslRootCert, Optional<String> applicationName,
                          Optional<Integer> connectTimeoutSeconds, Set<String> ignoredParameters) {

    public static final int DEFAULT_PORT = 5432;

    /** libpq sslmode values. */
    public enum SslMode {
        DISABLE, ALLOW, PREFER, REQUIRE, VERIFY_CA, VERIFY_FULL;

        public String libpqName() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        static SslMode parse(String value) {
            for (SslMode m : values()) if (m.libpqName().equals(value)) return m;
            throw new InvalidDatabaseUrlException("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full (got '"
                    + value + "')");
        }
    }

    /** Thrown for a URL that cannot be used; the message never contains the password. */
    public static final class InvalidDatabaseUrlException extends IllegalArgumentException {
        public InvalidDatabaseUrlException(String message) { super(message); }
    }

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) throw new InvalidDatabaseUrlException("it is empty");
        String s = url.trim();
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) throw new InvalidDatabaseUrlException("expected postgres://user:password@host:port/database");
        String scheme = s.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new InvalidDatabaseUrlException("scheme must be postgres:// or postgresql:// (got '" + scheme + "://')");
        }
        String rest = s.substring(schemeEnd + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) { query = rest.substring(q + 1); rest = rest.substring(0, q); }
        if (rest.indexOf('#') >= 0) throw new InvalidDatabaseUrlException("a fragment (#) is not allowed");

        String authority = rest;
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) { authority = rest.substring(0, slash); path = rest.substring(slash + 1); }

        // The password may itself contain '@' when not encoded: the host part starts after the LAST '@'.
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        String hostPort = authority;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String u = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            if (!u.isEmpty()) user = Optional.of(decode(u, "user name"));
            if (colon >= 0) password = Optional.of(decode(userInfo.substring(colon + 1), "password"));
        }

        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw new InvalidDatabaseUrlException("unterminated IPv6 address");
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) portText = after.substring(1);
            else if (!after.isEmpty()) throw new InvalidDatabaseUrlException("unexpected text after the IPv6 address");
        } else {
            int colon = hostPort.indexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            if (colon >= 0) portText = hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) throw new InvalidDatabaseUrlException("the host is missing");
        if (host.indexOf(',') >= 0) throw new InvalidDatabaseUrlException("multiple hosts are not supported");
        if (!host.startsWith("[") && !host.matches("[A-Za-z0-9._%-]+")) {
            throw new InvalidDatabaseUrlException("the host contains invalid characters");
        }
        int port = DEFAULT_PORT;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new InvalidDatabaseUrlException("the port is not a number");
            }
            if (port < 1 || port > 65535) throw new InvalidDatabaseUrlException("the port must be between 1 and 65535");
        }

        String database = path.isEmpty() ? null : decode(path, "database name");
        if (database != null && database.contains("/")) throw new InvalidDatabaseUrlException("the database name must not contain '/'");

        Optional<SslMode> sslMode = Optional.empty();
        Optional<String> rootCert = Optional.empty();
        Optional<String> appName = Optional.empty();
        Optional<Integer> connectTimeout = Optional.empty();
        Map<String, String> ignored = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, "parameter name");
                String value = eq >= 0 ? decode(pair.substring(eq + 1), "parameter " + key) : "";
                switch (key) {
                    case "sslmode" -> sslMode = Optional.of(SslMode.parse(value));
                    case "sslrootcert" -> rootCert = Optional.of(value);
                    case "application_name" -> appName = Optional.of(value);
                    case "connect_timeout" -> {
                        try {
                            connectTimeout = Optional.of(Integer.parseInt(value));
                        } catch (NumberFormatException e) {
                            throw new InvalidDatabaseUrlException("connect_timeout is not a number");
                        }
                    }
                    case "user" -> user = Optional.of(value);
                    case "password" -> password = Optional.of(value);
                    case "dbname" -> database = value;
                    case "port" -> {
                        try {
                            port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            throw new InvalidDatabaseUrlException("the port is not a number");
                        }
                    }
                    default -> ignored.put(key, value);
                }
            }
        }
        if (database == null || database.isEmpty()) {
            database = user.orElseThrow(() -> new InvalidDatabaseUrlException("neither a database name nor a user is given"));
        }
        return new DatabaseUrl(host, port, database, user, password, sslMode, rootCert, appName, connectTimeout,
                Set.copyOf(ignored.keySet()));
    }

    /** URL for the Vert.x reactive client: credentials and TLS settings go into separate properties. */
    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + encodePath(database)
                + applicationName.map(a -> "?application_name=" + encodeQuery(a)).orElse("");
    }

    /** URL for the JDBC driver (Flyway). */
    public String jdbcUrl() {
        StringBuilder b = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
                .append(encodePath(database));
        char sep = '?';
        if (sslMode.isPresent()) { b.append(sep).append("sslmode=").append(sslMode.get().libpqName()); sep = '&'; }
        if (sslRootCert.isPresent()) { b.append(sep).append("sslrootcert=").append(encodeQuery(sslRootCert.get())); sep = '&'; }
        if (applicationName.isPresent()) { b.append(sep).append("ApplicationName=").append(encodeQuery(applicationName.get())); }
        return b.toString();
    }

    /** Safe to log: the password is masked. */
    @Override
    public String toString() {
        return "postgresql://" + user.map(u -> u + (password.isPresent() ? ":****" : "") + "@").orElse("")
                + host + ":" + port + "/" + database + sslMode.map(m -> "?sslmode=" + m.libpqName()).orElse("");
    }

    private static String decode(String s, String what) {
        try {
            // '+' is a literal plus in a URL's user info and path (URLDecoder would turn it into a space)
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidDatabaseUrlException("the " + what + " has an invalid percent-encoding");
        }
    }

    private static String encodePath(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeQuery(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
