package io.fdl.runtime.gml;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** Date texts, canonical form and offsets of gml.md §11, parsed by hand (no regex on user input). */
final class Dates {
    private Dates() {}

    static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ENGLISH);
    private static final ConcurrentHashMap<String, DateTimeFormatter> PATTERNS = new ConcurrentHashMap<>();

    /** A shift of §11.3; unit is one of ms s m h d w M y. */
    record Shift(long amount, String unit) {
        static final Shift NONE = new Shift(0, "d");
    }

    // ---- parsing §11.2 ------------------------------------------------------------------------

    /** Parses a date text; Java null when it is not one. Values without offset get {@code zone}. */
    static ZonedDateTime parse(String s, ZoneId zone) {
        int n = s.length();
        if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-' || !digits(s, 8, 2)) {
            return null;
        }
        int year = num(s, 0, 4), month = num(s, 5, 2), day = num(s, 8, 2);
        try {
            if (n == 10) return LocalDate.of(year, month, day).atStartOfDay(zone);
            char sep = s.charAt(10);
            if ((sep != 'T' && sep != ' ') || n < 16 || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)) return null;
            int hour = num(s, 11, 2), minute = num(s, 14, 2), second = 0, nanos = 0;
            int p = 16;
            if (p < n && s.charAt(p) == ':') {
                if (!digits(s, p + 1, 2)) return null;
                second = num(s, p + 1, 2);
                p += 3;
                if (p < n && s.charAt(p) == '.') {
                    int q = p + 1;
                    while (q < n && Character.isDigit(s.charAt(q)) && s.charAt(q) <= '9') q++;
                    if (q == p + 1) return null;
                    for (int i = p + 1; i < p + 10; i++) nanos = nanos * 10 + (i < q ? s.charAt(i) - '0' : 0);
                    p = q;
                }
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            if (p == n) return local.atZone(zone);
            ZoneOffset offset = offset(s, p);
            return offset == null ? null : local.atZone(offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String s, int p) {
        int n = s.length();
        char c = s.charAt(p);
        if (c == 'Z') return p + 1 == n ? ZoneOffset.UTC : null;
        if (c != '+' && c != '-') return null;
        int sign = c == '-' ? -1 : 1;
        int rest = n - p - 1;
        int h, m = 0;
        if (rest == 2 && digits(s, p + 1, 2)) h = num(s, p + 1, 2);
        else if (rest == 4 && digits(s, p + 1, 4)) {
            h = num(s, p + 1, 2);
            m = num(s, p + 3, 2);
        } else if (rest == 5 && digits(s, p + 1, 2) && s.charAt(p + 3) == ':' && digits(s, p + 4, 2)) {
            h = num(s, p + 1, 2);
            m = num(s, p + 4, 2);
        } else return null;
        if (m > 59) return null;
        return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
    }

    private static boolean digits(String s, int from, int count) {
        if (from + count > s.length()) return false;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static int num(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }

    /** Parses or fails with an evaluation error naming {@code who}. */
    static ZonedDateTime require(String s, ZoneId zone, String who) {
        ZonedDateTime t = parse(s, zone);
        if (t == null) throw Errors.eval(who + ": '" + abbreviate(s) + "' is not a valid date");
        return t;
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** Instant of a full offset date-time (§11.2 form 1 with explicit offset), else Java null. */
    static Instant offsetInstant(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(10) != 'T' || s.charAt(4) != '-') return null;
        char last = s.charAt(n - 1);
        if (last != 'Z' && !(last >= '0' && last <= '9')) return null;
        ZonedDateTime t = parse(s, ZoneOffset.UTC);
        if (t == null || !(t.getZone() instanceof ZoneOffset)) return null;
        // without an explicit offset parse() used the UTC zone object itself: detect the offset text
        if (!hasExplicitOffset(s)) return null;
        return t.toInstant();
    }

    private static boolean hasExplicitOffset(String s) {
        int n = s.length();
        if (s.charAt(n - 1) == 'Z') return true;
        for (int i = 16; i < n; i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') return true;
        }
        return false;
    }

    static Long offsetInstantMillis(String s) {
        Instant i = offsetInstant(s);
        return i == null ? null : i.toEpochMilli();
    }

    static long offsetInstantNanos(String s) {
        Instant i = offsetInstant(s);
        return i == null ? 0 : i.getNano();
    }

    static String canonical(ZonedDateTime t) {
        return CANONICAL.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    // ---- offsets §11.3 ------------------------------------------------------------------------

    /** Parses an offset text; Java null when it is not one. Empty → no shift. */
    static Shift shift(String text) {
        String s = text.strip();
        if (s.isEmpty()) return Shift.NONE;
        int p = 0, n = s.length();
        int sign = 1;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            sign = s.charAt(0) == '-' ? -1 : 1;
            p++;
        }
        int startDigits = p;
        while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') p++;
        if (p == startDigits) return null;
        long amount;
        try {
            amount = Long.parseLong(s.substring(startDigits, p)) * sign;
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = s.substring(p);
        switch (unit) {
            case "", "d": return new Shift(amount, "d");
            case "ms", "s", "m", "h", "w", "M", "y": return new Shift(amount, unit);
            default: return null;
        }
    }

    static Shift requireShift(String text, String who) {
        Shift s = shift(text);
        if (s == null) throw Errors.eval(who + ": '" + abbreviate(text) + "' is not a valid offset (e.g. '-7d', '2h', '1M')");
        return s;
    }

    static ZonedDateTime apply(ZonedDateTime t, Shift s) {
        if (s.amount() == 0) return t;
        try {
            long a = s.amount();
            return switch (s.unit()) {
                case "ms" -> t.plus(Duration.ofMillis(a));
                case "s" -> t.plusSeconds(a);
                case "m" -> t.plusMinutes(a);
                case "h" -> t.plusHours(a);
                case "w" -> t.plusWeeks(a);
                case "M" -> t.plusMonths(a);
                case "y" -> t.plusYears(a);
                default -> t.plusDays(a);
            };
        } catch (DateTimeException | ArithmeticException e) {
            throw Errors.eval("date offset out of range");
        }
    }

    // ---- Java patterns §11.4 ------------------------------------------------------------------

    static DateTimeFormatter pattern(String p, String who) {
        DateTimeFormatter f = PATTERNS.get(p);
        if (f != null) return f;
        try {
            f = DateTimeFormatter.ofPattern(p, Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw Errors.eval(who + ": invalid date pattern '" + abbreviate(p) + "': " + e.getMessage());
        }
        if (PATTERNS.size() > 512) PATTERNS.clear();
        PATTERNS.put(p, f);
        return f;
    }

    static String format(ZonedDateTime t, String pattern, String zone, String who) {
        ZonedDateTime v = t;
        if (zone != null) {
            try {
                v = t.withZoneSameInstant(ZoneId.of(zone.strip()));
            } catch (DateTimeException e) {
                throw Errors.eval(who + ": unknown zone '" + abbreviate(zone) + "'");
            }
        }
        try {
            return pattern(pattern, who).format(v);
        } catch (DateTimeException e) {
            throw Errors.eval(who + ": cannot format with '" + abbreviate(pattern) + "': " + e.getMessage());
        }
    }

    static ZonedDateTime now(Env env, ZoneId zone) {
        return ZonedDateTime.now(env.clock().withZone(zone));
    }

    static ZonedDateTime fromEpochMillis(long ms, ZoneId zone) {
        try {
            return Instant.ofEpochMilli(ms).atZone(zone);
        } catch (DateTimeException e) {
            throw Errors.eval("epoch milliseconds " + ms + " out of range");
        }
    }
}
