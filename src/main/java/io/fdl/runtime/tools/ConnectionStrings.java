package io.fdl.runtime.tools;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** libpq-style connection URLs: validation and masking of the password (api.md §8). */
public final class ConnectionStrings {
    public static final String MASK = "****";
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/@?#]*):([^@/?#]*)@");
    private static final Pattern QUERY_PASSWORD = Pattern.compile("([?&]password=)[^&#]*", Pattern.CASE_INSENSITIVE);

    private ConnectionStrings() {}

    /** Why a PostgreSQL connection string is refused, or empty. Messages never quote the string. */
    public static Optional<String> postgresProblem(String cs) {
        if (cs == null || cs.isBlank()) return Optional.of("connection_string is required");
        String lower = cs.trim().toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgres://") && !lower.startsWith("postgresql://")) {
            return Optional.of("connection_string must be a postgres:// or postgresql:// URL");
        }
        try {
            URI u = new URI(cs.trim());
            if (u.getHost() == null && u.getRawAuthority() != null && !u.getRawAuthority().isEmpty()
                    && !u.getRawAuthority().endsWith("@")) {
                return Optional.of("connection_string has an invalid host");
            }
            io.vertx.pgclient.PgConnectOptions.fromUri(cs.trim());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.of("connection_string is not a valid PostgreSQL URL");
        }
        return Optional.empty();
    }

    /** The connection string with its password (in the user info or a password= parameter) replaced by ****. */
    public static String mask(String cs) {
        if (cs == null) return null;
        Matcher m = USERINFO_PASSWORD.matcher(cs);
        String out = m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@")) : cs;
        return QUERY_PASSWORD.matcher(out).replaceAll("$1" + MASK);
    }

    /**
     * For an update that sends back the masked string: put the stored password back in place of ****,
     * so a client that round-trips a read does not overwrite the secret.
     */
    public static String unmask(String submitted, String stored) {
        if (submitted == null || stored == null || !submitted.contains(MASK)) return submitted;
        Matcher s = USERINFO_PASSWORD.matcher(stored);
        Matcher n = USERINFO_PASSWORD.matcher(submitted);
        String out = submitted;
        if (s.find() && n.find() && n.group(2).equals(MASK)) {
            out = n.replaceFirst(Matcher.quoteReplacement(n.group(1) + ":" + s.group(2) + "@"));
        }
        Matcher sq = QUERY_PASSWORD.matcher(stored);
        if (sq.find()) {
            String storedParam = sq.group();
            out = QUERY_PASSWORD.matcher(out).replaceAll(mr -> mr.group().endsWith(MASK)
                    ? Matcher.quoteReplacement(mr.group(1) + storedParam.substring(storedParam.indexOf('=') + 1)) : Matcher.quoteReplacement(mr.group()));
        }
        return out;
    }
}
