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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /**
     * The whole exchange — connecting, headers and body — must finish within {@link #REQUEST_TIMEOUT}:
     * a server that sends its headers and then stalls the body is cut off too.
     */
    public JWKSet fetch(URI keySetUrl) throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(keySetUrl).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.toNanos();
        HttpResponse<InputStream> response;
        try {
            response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Unavailable("the platform's key set URL did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.net.http.HttpTimeoutException) {
                throw new Unavailable("the platform's key set URL did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
            }
            throw new Unavailable("the platform's key set URL cannot be reached (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while fetching the platform's key set");
        }
        InputStream body = response.body();
        try (body) {
            if (response.statusCode() != 200) {
                throw new Unavailable("the platform's key set URL answered HTTP " + response.statusCode());
            }
            byte[] bytes = readBefore(body, deadline);
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

    /** Reads at most {@link #MAX_BYTES} + 1 bytes, giving up (and closing the stream) at the deadline. */
    private static byte[] readBefore(InputStream body, long deadline) throws Unavailable, IOException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return body.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            body.close();
            throw new Unavailable("the platform's key set did not arrive within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while reading the platform's key set");
        }
    }
}
