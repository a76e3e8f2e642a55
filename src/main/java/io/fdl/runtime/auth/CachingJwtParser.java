package io.fdl.runtime.auth;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bearer-token parser of the REST routes and the WebSocket ({@link JwtVerification}'s rules),
 * remembering tokens it verified until they expire: a client sends the same token with every
 * request, and HMAC verification plus claim parsing was a visible share of a short request's CPU.
 * Keys are SHA-256 digests of the token (no bearer token is kept in the map). Only successful
 * verifications are remembered, and only until {@code exp} (the clock-skew grace after it is left to
 * the full check); the map is bounded ({@value #MAX_ENTRIES}, emptied when full).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {
    static final int MAX_ENTRIES = 10_000;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private record Verified(JsonWebToken token, long expiresAtSeconds) {}

    private final JWTParser delegate;
    private final Map<ByteBuffer, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public CachingJwtParser(JWTAuthContextInfo info) {
        this.delegate = new DefaultJWTParser(info);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        ByteBuffer key = ByteBuffer.wrap(SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
        long now = System.currentTimeMillis() / 1000;
        Verified hit = verified.get(key);
        if (hit != null && now < hit.expiresAtSeconds()) return hit.token();
        if (hit != null) verified.remove(key, hit);
        JsonWebToken jwt = delegate.parse(token);
        long exp = jwt.getExpirationTime();
        if (exp > now) {
            if (verified.size() >= MAX_ENTRIES) verified.clear(); // crude but O(1) amortised, and rare
            verified.put(key, new Verified(jwt, exp));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
