package io.fdl.runtime.fdl;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GML date texts (gml.md §11.1–§11.2) for the {@code date} type of args. */
public final class DateText {
    private DateText() {}

    private static final Pattern FORM = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** Parses an accepted date text; null when it is not one. Texts without offset use {@code zone}. */
    public static OffsetDateTime parse(String text, ZoneId zone) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return null;
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int nanos = 0;
                if (m.group(7) != null) nanos = Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            LocalDateTime ldt = LocalDateTime.of(date, time);
            String off = m.group(8);
            if (off == null) return ldt.atZone(zone).toOffsetDateTime();
            ZoneOffset offset = off.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(off.length() == 5 && off.indexOf(':') < 0
                    ? off.substring(0, 3) + ":" + off.substring(3) : off);
            return OffsetDateTime.of(ldt, offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** Epoch milliseconds in the runtime zone. */
    public static OffsetDateTime ofEpochMillis(long ms, ZoneId zone) {
        return Instant.ofEpochMilli(ms).atZone(zone).toOffsetDateTime();
    }

    /** The canonical form {@code yyyy-MM-dd'T'HH:mm:ss.SSSXXX} (finer digits truncated). */
    public static String canonical(OffsetDateTime t) {
        return CANONICAL.format(t);
    }
}
