package org.calibrate.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.calibrate.intake.moodle.LimitedBody;
import org.calibrate.platform.control.ServiceFailure;
import org.calibrate.platform.control.ServiceTokens;
import org.calibrate.platform.control.ServiceUrls;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a submitted file from a platform's Asset Service (LTI Asset Processor) with a service token of the
 * scope the notice named. A platform may send the bytes from elsewhere (a storage service): a redirect to
 * another HTTPS address is followed without the token, at most a few times.
 */
@ApplicationScoped
public class AssetDownloads {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 3;

    @Inject
    ServiceTokens tokens;

    public byte[] fetch(long platformId, String scope, URI url, long maxBytes) throws SourceFailure {
        try {
            return tokens.call(platformId, Set.of(scope), token -> follow(url, token, maxBytes));
        } catch (ServiceFailure f) {
            // Refused tokens and missing scopes need a person (an admin grants the scope); outages pass: both stop the import, resumable.
            if (f.status() == 404 || f.status() == 410) {
                throw new SourceFailure("The LMS no longer has this file (HTTP " + f.status() + ").", false);
            }
            if (f.status() == 413) {
                throw new SourceFailure("A file of this submission is too large: " + f.getMessage() + ".", false);
            }
            throw new SourceFailure(f.retryable() ? "The LMS's file service failed (" + f.getMessage() + "); resume the import later."
                    : "The LMS refused to hand over a submitted file: " + f.getMessage() + ".", true);
        }
    }

    private byte[] follow(URI url, String token, long maxBytes) throws ServiceFailure {
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(at).timeout(TIMEOUT).header("Accept", "*/*").GET();
            if (hop == 0) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> reply = exchange(request.build(), maxBytes);
            int status = reply.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                URI next = reply.headers().firstValue("Location").map(at::resolve).filter(ServiceUrls::acceptable)
                        .orElseThrow(() -> new ServiceFailure(502, "the LMS redirected the file to an address Calibrate does not follow"));
                at = next;
                continue;
            }
            if (status == 200) {
                return reply.body();
            }
            throw new ServiceFailure(status, switch (status) {
                case 401 -> "the LMS did not accept the access token (HTTP 401)";
                case 403 -> "the LMS's token does not grant the asset scope (HTTP 403); an admin gives the tool the Asset Processor's asset.readonly scope";
                default -> "the LMS answered the file request with HTTP " + status;
            });
        }
        throw new ServiceFailure(502, "the LMS redirected the file more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, long maxBytes) throws ServiceFailure {
        // Error pages get a small allowance; the file itself the intake's per-file limit.
        CompletableFuture<HttpResponse<byte[]>> pending = tokens.http().sendAsync(request,
                LimitedBody.handler(info -> info.statusCode() == 200 ? maxBytes : 64 * 1024));
        try {
            return pending.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new ServiceFailure(0, "the file did not arrive within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ServiceFailure(0, "interrupted while fetching a file");
        } catch (ExecutionException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof LimitedBody.TooLarge t && t.status() == 200) {
                    throw new ServiceFailure(413, "the file is larger than " + (maxBytes / (1024 * 1024)) + " MiB, this server's limit per file");
                }
                if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException) {
                    throw new ServiceFailure(0, "the LMS cannot be reached (" + c.getClass().getSimpleName() + ")");
                }
            }
            // The class name only: I/O messages may quote the URL.
            throw new ServiceFailure(0, "the connection to the LMS failed (" + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")");
        }
    }
}
