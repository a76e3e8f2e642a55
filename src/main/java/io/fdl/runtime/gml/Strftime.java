package io.fdl.runtime.gml;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** strftime directives of gml.md §11.5 (FORMAT_DATE). */
final class Strftime {
    private Strftime() {}

    static String format(ZonedDateTime t, String fmt) {
        StringBuilder sb = new StringBuilder();
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= n) throw Errors.eval("incomplete directive '%' at the end of the format");
            char d = fmt.charAt(++i);
            switch (d) {
                case 'Y' -> {
                    int y = t.getYear();
                    sb.append(y < 0 ? "-" : "").append(pad(Math.abs(y), 4));
                }
                case 'y' -> sb.append(pad(Math.floorMod(t.getYear(), 100), 2));
                case 'm' -> sb.append(pad(t.getMonthValue(), 2));
                case 'd' -> sb.append(pad(t.getDayOfMonth(), 2));
                case 'e' -> {
                    int day = t.getDayOfMonth();
                    sb.append(day < 10 ? " " : "").append(day);
                }
                case 'H' -> sb.append(pad(t.getHour(), 2));
                case 'I' -> sb.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, 2));
                case 'M' -> sb.append(pad(t.getMinute(), 2));
                case 'S' -> sb.append(pad(t.getSecond(), 2));
                case 'j' -> sb.append(pad(t.getDayOfYear(), 3));
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'z' -> sb.append(offset(t, false));
                case ':' -> {
                    if (i + 1 < n && fmt.charAt(i + 1) == 'z') {
                        i++;
                        sb.append(offset(t, true));
                    } else {
                        throw Errors.eval("unknown directive '%:' in the format");
                    }
                }
                case 's' -> sb.append(t.toEpochSecond());
                case 'F' -> sb.append(format(t, "%Y-%m-%d"));
                case 'T' -> sb.append(format(t, "%H:%M:%S"));
                case '%' -> sb.append('%');
                default -> throw Errors.eval("unknown directive '%" + d + "' in the format");
            }
        }
        return sb.toString();
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static String offset(ZonedDateTime t, boolean colon) {
        int secs = t.getOffset().getTotalSeconds();
        char sign = secs < 0 ? '-' : '+';
        secs = Math.abs(secs);
        String h = pad(secs / 3600, 2), m = pad((secs / 60) % 60, 2);
        return sign + h + (colon ? ":" : "") + m;
    }
}
