package io.fdl.runtime.gml;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** toJson/JSON, parseJson, MD5, uuid (§9.8). */
final class JsonFunctions {
    private JsonFunctions() {}

    static void register() {
        Functions.define("toJson", 1, 1, JsonFunctions::toJson);
        Functions.define("JSON", 1, 1, JsonFunctions::toJson);
        Functions.define("parseJson", 1, 1, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            String s = Strings.requireString(a[0], "the JSON text");
            JsonNode v = JsonText.parse(s, env.limits.maxJsonDepth(), env.limits);
            env.allocate(ValueSize.of(v, env.limits.maxAllocBytes())); // the whole document is new
            return v;
        });
        Functions.define("MD5", 1, 1, (env, a) -> {
            if (Values.isNull(a[0])) return Values.NULL;
            return Values.of(md5(StringFunctions.text(env, a[0])));
        });
        Functions.define("uuid", 0, 0, (env, a) -> Values.of(UUID.randomUUID().toString()));
    }

    private static JsonNode toJson(Env env, JsonNode[] a) {
        String s = JsonText.write(a[0], env.limits.maxStringCodePoints(), env.limits.maxEvalDepth());
        return Values.of(env.checkString(s));
    }

    static String md5(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(32);
            for (byte b : d) {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }
}
