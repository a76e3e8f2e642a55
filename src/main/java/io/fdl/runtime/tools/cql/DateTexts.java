package io.fdl.runtime.tools.cql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date rules of gml.md §11 that CQL needs: accepted date texts (§11.2), offsets (§11.3) and
 * the canonical form (§11.1). Kept here rather than borrowed from the GML engine so the tools
 * package does not depend on GML internals; the rules are small and normative.
 */
public final class DateTexts {
    private static final Pattern OFFSET = Pattern.compile("\\s*([+-]?)(\\d+)(ms|s|m|h|d|w|M|y)?\\s*");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final DateTimeFormatter CANONICAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private DateTexts() {}

    /** Canonical text {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} (finer digits truncated). */
    public static String canonical(OffsetDateTime t) {
        return CANONICAL.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses an accepted date text; text without offset is read in {@code zone}. Empty when not a date text. */
    public static Optional<OffsetDateTime> parse(String text, ZoneId zone) {
        if (text == null) return Optional.empty();
        String s = text.trim();
        try {
            if (DATE_ONLY.matcher(s).matches()) {
                return Optional.of(LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime());
            }
            Matcher m = DATE_TIME.matcher(s);
            if (!m.matches()) return Optional.empty();
            String time = m.group(2);
            if (time.length() == 5) time += ":00";
            LocalDateTime local = LocalDateTime.parse(m.group(1) + "T" + time);
            String off = m.group(3);
            if (off == null) return Optional.of(local.atZone(zone).toOffsetDateTime());
            return Optional.of(local.atOffset(parseOffset(off)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset parseOffset(String off) {
        if (off.equals("Z")) return ZoneOffset.UTC;
        String digits = off.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = off.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** True when the text matches the offset grammar of gml.md §11.3. */
    public static boolean isOffset(String text) {
        return text != null && (text.isBlank() || OFFSET.matcher(text).matches());
    }

    /** Shifts {@code t} by an offset text (§11.3): exact durations for ms/s/m/h, calendar units otherwise. */
    public static OffsetDateTime shift(OffsetDateTime t, String offset, ZoneId zone) {
        if (offset == null || offset.isBlank()) return t;
        Matcher m = OFFSET.matcher(offset);
        if (!m.matches()) throw new IllegalArgumentException("invalid offset '" + offset + "'");
        long n = Long.parseLong(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        String unit = m.group(3) == null ? "d" : m.group(3);
        // calendar arithmetic happens in the value's own zone so DST is respected
        ZonedDateTime z = t.atZoneSameInstant(zone);
        ZonedDateTime r = switch (unit) {
            case "ms" -> z.plus(n, ChronoUnit.MILLIS);
            case "s" -> z.plusSeconds(n);
            case "m" -> z.plusMinutes(n);
            case "h" -> z.plusHours(n);
            case "d" -> z.plusDays(n);
            case "w" -> z.plusWeeks(n);
            case "M" -> z.plusMonths(n);
            default -> z.plusYears(n);
        };
        return r.toOffsetDateTime();
    }

    /**
     * Evaluates {@code TIME(…)}, {@code DATE(…)} or {@code NOW(…)} like gml.md §9.1: an offset
     * argument shifts now (runtime zone, or UTC for NOW), a date text or epoch-ms integer is a date.
     */
    public static OffsetDateTime evaluate(CqlValue.TimeFn fn, Instant now, ZoneId runtimeZone) {
        ZoneId zone = fn.function().equals("NOW") ? ZoneOffset.UTC : runtimeZone;
        String arg = fn.argument();
        if (fn.numeric()) {
            if (!arg.matches("-?\\d+")) throw new IllegalArgumentException(fn.function() + ": '" + arg + "' is neither an offset nor a date");
            return Instant.ofEpochMilli(Long.parseLong(arg)).atZone(zone).toOffsetDateTime();
        }
        if (arg == null || isOffset(arg)) return shift(now.atZone(zone).toOffsetDateTime(), arg, zone);
        return parse(arg, runtimeZone)
                .orElseThrow(() -> new IllegalArgumentException(fn.function() + ": '" + arg + "' is neither an offset nor a date"));
    }
}
