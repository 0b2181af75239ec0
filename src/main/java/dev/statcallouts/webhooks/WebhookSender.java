package dev.statcallouts.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one delivery: a signed POST to the address {@link WebhookTargets} checked (the name is
 * not resolved again), with connect and total timeouts, no redirects followed, and at most
 * {@link #RESPONSE_KEPT} bytes of the answer read.
 */
@ApplicationScoped
public class WebhookSender {

    /** Bytes of a receiver's answer kept for the delivery log; the rest is not read. */
    static final int RESPONSE_KEPT = 1000;

    private static final String USER_AGENT = "StatCallouts-Webhooks/1.0";

    private static final int KEEP_ALIVE_SECONDS = 2;

    @Inject
    Vertx vertx;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookTargets targets;

    private volatile HttpClient client;

    /** What one attempt came to. */
    public record Outcome(Integer status, String error, String response, long millis) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** A delivery to send: its message and where. */
    public record Message(String id, String payload, String url, String secret) {}

    public CompletionStage<Outcome> send(Message message) {
        long started = System.nanoTime();
        URI uri;
        InetAddress address;
        try {
            uri = WebhookTargets.parse(message.url());
            address = targets.resolve(uri);
        } catch (WebhookTargets.Refused refused) {
            return CompletableFuture.completedFuture(new Outcome(null, "URL " + refused.getMessage(), null, 0));
        }
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(uri.getHost())
                .setPort(port)
                .setSsl(tls)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", message.id())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader(
                        "webhook-signature",
                        WebhookSignature.sign(message.secret(), message.id(), timestamp, message.payload()));

        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        AtomicBoolean done = new AtomicBoolean();
        long timeout = config.responseTimeout().toMillis();
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(timeout, id -> {
            if (done.compareAndSet(false, true)) {
                if (sent[0] != null) {
                    sent[0].reset();
                }
                outcome.complete(new Outcome(null, "no answer within " + timeout + " ms", null, millis(started)));
            }
        });
        client().request(options)
                .onFailure(failure ->
                        finish(done, outcome, timer, new Outcome(null, words(failure), null, millis(started))))
                .onSuccess(request -> {
                    sent[0] = request;
                    request.send(Buffer.buffer(message.payload().getBytes(StandardCharsets.UTF_8)))
                            .onFailure(failure -> finish(
                                    done, outcome, timer, new Outcome(null, words(failure), null, millis(started))))
                            .onSuccess(response -> read(response, request, done, outcome, timer, started));
                });
        return outcome;
    }

    /** Reads the first bytes of the answer and lets go of the rest. */
    private void read(
            HttpClientResponse response,
            HttpClientRequest request,
            AtomicBoolean done,
            CompletableFuture<Outcome> outcome,
            long timer,
            long started) {
        Buffer kept = Buffer.buffer();
        int status = response.statusCode();
        response.exceptionHandler(
                failure -> finish(done, outcome, timer, new Outcome(status, null, text(kept), millis(started))));
        response.handler(chunk -> {
            int room = RESPONSE_KEPT - kept.length();
            if (room > 0) {
                kept.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            }
            if (kept.length() >= RESPONSE_KEPT && !done.get()) {
                // Enough for the log: the rest of a long answer is not read.
                finish(done, outcome, timer, new Outcome(status, null, text(kept), millis(started)));
                request.reset();
            }
        });
        response.endHandler(
                ended -> finish(done, outcome, timer, new Outcome(status, null, text(kept), millis(started))));
    }

    private void finish(AtomicBoolean done, CompletableFuture<Outcome> outcome, long timer, Outcome result) {
        if (done.compareAndSet(false, true)) {
            vertx.cancelTimer(timer);
            outcome.complete(result);
        }
    }

    private static String text(Buffer buffer) {
        return buffer.length() == 0 ? null : buffer.toString(StandardCharsets.UTF_8);
    }

    private static String words(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions()
                            .setConnectTimeout((int) config.connectTimeout().toMillis())
                            .setForceSni(true)
                            .setVerifyHost(true)
                            .setMaxPoolSize(config.batchSize())
                            // A burst reuses connections; a retry seconds later opens a new one, so
                            // it never gets a connection the receiver closed while it idled (most
                            // servers keep idle connections for 5 s or more).
                            .setKeepAlive(true)
                            .setKeepAliveTimeout(KEEP_ALIVE_SECONDS));
                }
                current = client;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
