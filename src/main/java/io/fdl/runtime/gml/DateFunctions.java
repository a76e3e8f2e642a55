package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;
import io.fdl.runtime.gml.Values.Kind;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** DATE, TIME, NOW, TIME_FORMAT, FORMAT_DATE, timestamp (§9.1) and the date methods of §10.4. */
final class DateFunctions {
    private DateFunctions() {}

    static void register() {
        Functions.define("DATE", 0, 2, (env, a) -> date(env, a, env.zone(), "DATE"));
        Functions.define("TIME", 0, 2, (env, a) -> date(env, a, env.zone(), "TIME"));
        Functions.define("NOW", 0, 1, (env, a) -> date(env, a, ZoneOffset.UTC, "NOW"));
        Functions.define("TIME_FORMAT", 2, 3, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            ZonedDateTime t = dateArg(env, a[0], "TIME_FORMAT");
            String pattern = Strings.requireString(a[1], "the pattern");
            String zone = a.length == 3 && !Values.isNull(a[2]) ? Strings.requireString(a[2], "the zone") : null;
            return Values.of(Dates.format(t, pattern, zone, "TIME_FORMAT"));
        });
        Functions.define("FORMAT_DATE", 1, 2, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            ZonedDateTime t = dateArg(env, a[0], "FORMAT_DATE");
            String fmt = a.length == 2 && !Values.isNull(a[1]) ? Strings.requireString(a[1], "the format") : "%Y-%m-%d";
            return Values.of(env.checkString(Strftime.format(t, fmt)));
        });
        Functions.define("timestamp", 0, 1, (env, a) -> {
            if (a.length == 0) return Values.of(env.clock().millis());
            if (Values.isNull(a[0])) return Values.NULL;
            return Values.of(dateArg(env, a[0], "timestamp").toInstant().toEpochMilli());
        });
    }

    static void registerMethods() {
        Methods.string("offset", 1, 1, (env, r, args) -> {
            ZonedDateTime t = Dates.require(r.asText(), env.zone(), "offset");
            JsonNode spec = args.get(0);
            if (Values.isNull(spec)) return Values.of(Dates.canonical(t));
            Dates.Shift s = Dates.requireShift(Strings.requireString(spec, "the offset"), "offset");
            return Values.of(Dates.canonical(Dates.apply(t, s)));
        });
        Methods.string("format", 1, 2, (env, r, args) -> {
            ZonedDateTime t = Dates.require(r.asText(), env.zone(), "format");
            String pattern = Strings.requireString(args.get(0), "the pattern");
            JsonNode z = args.get(1);
            return Values.of(Dates.format(t, pattern, Values.isNull(z) ? null : Strings.requireString(z, "the zone"), "format"));
        });
    }

    /** A date argument: a date text (§11.2) or an integer of epoch milliseconds. */
    static ZonedDateTime dateArg(Env env, JsonNode v, String who) {
        Kind k = Values.kind(v);
        if (k == Kind.STRING) return Dates.require(v.asText(), env.zone(), who);
        if (k == Kind.INTEGER) return Dates.fromEpochMillis(v.longValue(), env.zone());
        throw Errors.eval("expected a date text or epoch milliseconds, got " + Values.typeName(v));
    }

    /**
     * DATE/TIME/NOW: no argument → now; one offset text → now shifted; a date (text or epoch ms)
     * → normalised; date and offset → shifted. A null argument gives null.
     */
    private static JsonNode date(Env env, JsonNode[] a, ZoneId zone, String who) {
        for (JsonNode v : a) if (Values.isNull(v)) return Values.NULL;
        if (a.length == 0) return Values.of(Dates.canonical(Dates.now(env, zone)));
        JsonNode first = a[0];
        if (first.isTextual() && a.length == 1) {
            Dates.Shift s = Dates.shift(first.textValue());
            if (s != null) return Values.of(Dates.canonical(Dates.apply(Dates.now(env, zone), s)));
        }
        ZonedDateTime t = dateArg(env, first, who);
        if (zone == ZoneOffset.UTC && who.equals("NOW")) t = t.withZoneSameInstant(ZoneOffset.UTC);
        if (a.length == 2) {
            Dates.Shift s = Dates.requireShift(Strings.requireString(a[1], "the offset"), who);
            t = Dates.apply(t, s);
        }
        return Values.of(Dates.canonical(t));
    }
}
