package dev.statcallouts.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP receiver of webhooks (Vert.x, on loopback) for the tests: it keeps every request it
 * gets, answers as the test tells it, and can go down and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, MultiMap headers, String body) {

        public JsonObject json() {
            return new JsonObject(body);
        }

        public String type() {
            return json().getString("type");
        }

        /** Whether its signature is the HMAC-SHA256 of id, timestamp and body with this secret's key. */
        public boolean signedWith(String secret) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String content = headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body;
            String expected =
                    "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
            return headers.get("webhook-signature").equals(expected);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Function<Received, Integer> answer = r -> 204;
    private volatile Map<String, String> answerHeaders = Map.of();
    private volatile String answerBody = "";
    private final int port;
    private HttpServer server;

    public WebhookReceiver() throws Exception {
        server = listen(0);
        port = server.actualPort();
    }

    private HttpServer listen(int on) throws Exception {
        return vertx.createHttpServer()
                .requestHandler(this::receive)
                .listen(on, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
    }

    private void receive(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Received r = new Received(
                    request.uri(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString());
            received.add(r);
            Integer status = answer.apply(r);
            if (status == null) {
                return; // never answers
            }
            var response = request.response().setStatusCode(status);
            answerHeaders.forEach(response::putHeader);
            response.end(answerBody);
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** How it answers each request from now on (null: never). */
    public void answer(Function<Received, Integer> status) {
        this.answer = status;
    }

    public void answerWith(Map<String, String> headers, String body) {
        this.answerHeaders = headers;
        this.answerBody = body;
    }

    /** The next request, waiting up to this many seconds; null if none came. */
    public Received next(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    public void down() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    public void up() throws Exception {
        server = listen(port);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
