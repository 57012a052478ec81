package org.calibrate.intake.moodle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.ToLongFunction;

/**
 * A response body held in memory up to a limit. The transfer is cancelled the moment the limit is
 * crossed, or before the first byte when {@code Content-Length} already says too much, so a site
 * that sends more than it declared costs at most the limit plus one network buffer.
 */
public final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** More bytes than the limit allows; the transfer was cancelled. */
    public static final class TooLarge extends IOException {
        private final int status;
        private final long limit;

        TooLarge(int status, long limit) {
            super("response body over " + limit + " bytes");
            this.status = status;
            this.limit = limit;
        }

        /** The HTTP status of the reply that was cut off: an oversized error page is an error first. */
        public int status() {
            return status;
        }

        public long limit() {
            return limit;
        }
    }

    private final int status;
    private final long limit;
    private final long declared;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer;
    private Flow.Subscription subscription;
    private long received;

    private LimitedBody(int status, long limit, long declared) {
        this.status = status;
        this.limit = limit;
        this.declared = declared;
        // Pre-size only for a believable length: a declared length is a claim, not a promise.
        this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), Math.min(limit, 1 << 20)));
    }

    /** A handler whose limit may depend on the status and headers (an error page gets a small one). */
    public static HttpResponse.BodyHandler<byte[]> handler(ToLongFunction<HttpResponse.ResponseInfo> limitFor) {
        return info -> new LimitedBody(info.statusCode(), limitFor.applyAsLong(info), info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared > limit) {
            fail(new TooLarge(status, limit));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (received + n > limit) {
                fail(new TooLarge(status, limit));
                return;
            }
            received += n;
            byte[] chunk = new byte[n];
            item.get(chunk);
            buffer.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(buffer.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    private void fail(IOException e) {
        // Cancelling tells the client to stop reading and drop the connection: nothing more is buffered.
        subscription.cancel();
        body.completeExceptionally(e);
    }
}
