package org.calibrate.platform.control;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;

/**
 * Fetches a platform's JSON Web Key Set over HTTP(S) with bounded time and size, so a slow or
 * hostile endpoint can delay a launch by a few seconds at most and never exhaust memory.
 */
public final class KeySetFetcher {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BYTES = 256 * 1024;

    private final HttpClient http;

    public KeySetFetcher() {
        this(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    KeySetFetcher(HttpClient http) {
        this.http = http;
    }

    /** Thrown when the key set cannot be had; the message is safe to show an admin. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    public JWKSet fetch(URI keySetUrl) throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(keySetUrl).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new Unavailable("the platform's key set URL did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new Unavailable("the platform's key set URL cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while fetching the platform's key set");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new Unavailable("the platform's key set URL answered HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new Unavailable("the platform's key set is larger than " + MAX_BYTES / 1024 + " KB");
            }
            JWKSet set = JWKSet.parse(new String(bytes, StandardCharsets.UTF_8));
            return set.toPublicJWKSet();
        } catch (IOException e) {
            throw new Unavailable("reading the platform's key set failed (" + e.getClass().getSimpleName() + ")");
        } catch (ParseException e) {
            throw new Unavailable("the platform's key set URL did not return a JSON Web Key Set");
        }
    }
}
