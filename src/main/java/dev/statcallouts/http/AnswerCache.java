package dev.statcallouts.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.common.CacheRequests;
import dev.statcallouts.common.SurrogateKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every anonymous public read of a figure or collection (permalinks, oEmbed, the API's reads and
 * downloads) answered from memory once it has been answered: the bytes, plain and gzipped, and
 * the headers the REST layer wrote, keyed by host and request line (or by the address a feature
 * names the read by, {@link AnswerAddress}, so that tracking parameters do not make a read new).
 * A kept answer is dropped the moment a change makes one of its surrogate keys stale, on this
 * instance or (through the change feed) any other, exactly like cards; a backstop lifetime bounds
 * the rest.
 *
 * <p>Only what the REST layer itself calls public ({@code Cache-Control: public}) with status 200
 * and no cookie is kept, and only requests without a token ({@code Authorization}) are answered
 * from it: a token holder's read always goes through. A cookie does not make a reader someone
 * else: on these paths the only credential is a token (the editors' session cookie signs in only
 * under {@code /editor}, whose pages are never public), and a reader of a site whose parent
 * domain sets cookies (analytics, consent) sends them on every read. The route also names the
 * surrogate keys of every public read ({@code Surrogate-Key}, {@code Cache-Tag}) on 200 and 304;
 * the card routes, which run first, name their own. Misses of one address at the same time share
 * one reading ({@link SharedReadings}).
 *
 * <p>Hand-made rather than quarkus-cache or an HTTP cache in front: a hit must be written from the
 * event loop without entering the REST layer, and invalidation is by surrogate key and read time,
 * neither of which those offer.
 */
@ApplicationScoped
public class AnswerCache {

    /** After the card routes (which answer from their own cache), before the HTTP layer's filters. */
    static final int ORDER = -950;

    /** The end of an event stream's path: a stream is never a reading that others could wait for. */
    private static final String EVENTS = "/events";

    /** What a miss leaves for {@link AnswerCapture}: where the answer is kept, its keys and when its reading began. */
    static final String MISS = "statcallouts.answers.miss";

    record Miss(String key, String tags, long readFrom) {}

    /**
     * An answer as it is written again.
     *
     * @param headers name and value pairs, as the REST layer and its filters wrote them
     * @param gzipped its body gzipped, made by the first hit that asks for it; null if its type is
     *     not one that is sent compressed
     * @param tags the surrogate keys, space-separated
     * @param route the REST layer's template of the address ({@code /s/{slug}}), which the HTTP
     *     metrics name a hit by as they named the miss; null if it had none
     * @param readFrom when the reading it came from began (System.nanoTime)
     */
    record Answer(
            String contentType,
            byte[] body,
            Gzip.Later gzipped,
            String etag,
            List<String[]> headers,
            String tags,
            String route,
            long readFrom) {

        int weight() {
            // Gzipped bytes are counted before they are made, as many as the body's (gzip adds a few bytes
            // to what it cannot compress).
            int weight = 512 + body.length + (gzipped == null ? 0 : body.length + 32) + 2 * tags.length();
            for (String[] header : headers) {
                weight += 48 + 2 * (header[0].length() + header[1].length());
            }
            return weight;
        }

        /** Whether an Accept header admits this answer's type (else the REST layer answers, with 406). */
        boolean acceptable(String accept) {
            if (accept == null || accept.isBlank() || accept.contains("*/*")) {
                return true;
            }
            String type = contentType.split(";")[0].strip();
            return accept.contains(type) || accept.contains(type.substring(0, type.indexOf('/') + 1) + "*");
        }

        boolean notModified(String ifNoneMatch) {
            return etag != null
                    && ifNoneMatch != null
                    && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"));
        }
    }

    /** Headers that belong to one response, never to a kept answer. */
    private static final Set<String> PER_RESPONSE = Set.of(
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "date",
            "surrogate-key",
            "cache-tag");

    @Inject
    AnswersConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Instance<AnswerAddress> addresses;

    private SharedReadings readings;
    private List<AnswerAddress> canonical;
    private Cache<String, Answer> answers;
    private CacheRequests requests;

    @PostConstruct
    void init() {
        canonical = addresses.stream().toList();
        readings = new SharedReadings(config.shareReadingsFor().toMillis());
        answers = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes().asLongValue())
                .weigher((String key, Answer answer) -> 2 * key.length() + answer.weight())
                .expireAfterWrite(config.lifetime())
                .build();
        requests = CacheRequests.register(
                registry, "statcallouts.answers.requests", "Anonymous public reads, by whether memory answered them");
        Gauge.builder("statcallouts.answers.bytes", this, AnswerCache::bytes)
                .description("Bytes of answers held in memory")
                .register(registry);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        serve(ctx, true);
    }

    /** @param mayWait whether a miss may wait for a reading of the same address under way */
    private void serve(RoutingContext ctx, boolean mayWait) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        MultiMap requestHeaders = request.headers();
        boolean anonymous = !requestHeaders.contains(HttpHeaders.AUTHORIZATION);
        String key = anonymous ? authority(request) + address(request) : null;
        if (anonymous) {
            Answer answer = answers.getIfPresent(key);
            if (answer != null && answer.acceptable(requestHeaders.get(HttpHeaders.ACCEPT))) {
                requests.hits().increment();
                write(ctx, answer);
                return;
            }
        }
        String tags = SurrogateKeys.ofAddress(ctx.normalizedPath(), oembedUrl(request));
        if (tags != null) {
            if (anonymous
                    && method == HttpMethod.GET
                    && mayWait
                    && !ctx.normalizedPath().endsWith(EVENTS)
                    && readings.waits(key, ctx, waited -> serve(waited, false))) {
                return;
            }
            ctx.addHeadersEndHandler(ignored -> {
                int status = ctx.response().getStatusCode();
                if (status == 200 || status == 304) {
                    surrogateKeys(ctx.response().headers(), tags);
                }
            });
            if (anonymous) {
                requests.misses().increment();
                if (method == HttpMethod.GET) {
                    ctx.put(MISS, new Miss(key, tags, System.nanoTime()));
                }
            }
        }
        ctx.next();
    }

    /** The path and query an answer is kept under: as a feature names the read, else as sent. */
    private String address(HttpServerRequest request) {
        for (AnswerAddress address : canonical) {
            String named;
            try {
                named = address.canonical(request.path(), request::getParam);
            } catch (RuntimeException undecodable) {
                // The REST layer answers the request itself with a problem document.
                return request.uri();
            }
            if (named != null) {
                return named;
            }
        }
        return request.uri();
    }

    /** The {@code url} parameter (an oEmbed request's), or null; an undecodable query has none. */
    private static String oembedUrl(HttpServerRequest request) {
        try {
            return request.getParam("url");
        } catch (RuntimeException undecodable) {
            // The REST layer answers the request itself with a problem document.
            return null;
        }
    }

    /** The host the request names (answers hold absolute links built from it), as host:port. */
    private static String authority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        return authority == null ? "" : authority.host() + ":" + authority.port();
    }

    private static void write(RoutingContext ctx, Answer answer) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        if (answer.route() != null) {
            // Else the metrics would name the hit by its path: a series per figure.
            RouteTemplate.name(ctx, answer.route());
        }
        MultiMap headers = response.headers();
        for (String[] header : answer.headers()) {
            headers.add(header[0], header[1]);
        }
        surrogateKeys(headers, answer.tags());
        if (answer.gzipped() != null) {
            headers.set(HttpHeaders.VARY, VaryHeaders.with(headers.get(HttpHeaders.VARY), "Accept-Encoding"));
        }
        if (answer.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
            headers.remove(HttpHeaders.CONTENT_TYPE);
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = answer.body();
        if (answer.gzipped() != null && Gzip.sendStored(request)) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = answer.gzipped().bytes();
        }
        // Kept bytes are never written to, so every response can wrap the same array.
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
    }

    /** Fastly reads space-separated keys, Cloudflare comma-separated tags. */
    public static void surrogateKeys(MultiMap headers, String keys) {
        headers.set("Surrogate-Key", keys).set("Cache-Tag", keys.replace(' ', ','));
    }

    /**
     * Keeps the answer a miss was given.
     *
     * @param route the REST layer's template of its address, or null
     * @param written the headers the REST layer wrote, with the content type it was sent as (the
     *     HTTP layer's own headers, quarkus.http.header, are written on every answer anyway)
     */
    void keep(Miss miss, String route, Map<String, List<String>> written, byte[] body) {
        List<String[]> headers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        written.forEach((name, values) -> {
            if (!PER_RESPONSE.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name.toLowerCase(Locale.ROOT));
                values.forEach(value -> headers.add(new String[] {name, value}));
            }
        });
        if (names.contains("set-cookie")) {
            return;
        }
        String contentType = written.getOrDefault(HttpHeaders.CONTENT_TYPE.toString(), List.of()).stream()
                .findFirst()
                .orElse(null);
        if (contentType == null) {
            return;
        }
        String etag = written.getOrDefault(HttpHeaders.ETAG.toString(), List.of()).stream()
                .findFirst()
                .orElse(null);
        answers.put(
                miss.key(),
                new Answer(
                        contentType,
                        body,
                        Gzip.compressible(contentType) ? new Gzip.Later(body) : null,
                        etag,
                        List.copyOf(headers),
                        miss.tags(),
                        route,
                        miss.readFrom()));
    }

    /**
     * Drops every answer read before {@code readBefore} (System.nanoTime; {@code Long.MAX_VALUE}
     * for all of them) that names a key {@code stale} accepts.
     */
    public void purge(Predicate<String> stale, long readBefore) {
        answers.asMap().values().removeIf(answer -> answer.readFrom() < readBefore && anyKey(answer.tags(), stale));
    }

    public void purgeAll(long readBefore) {
        answers.asMap().values().removeIf(answer -> answer.readFrom() < readBefore);
    }

    private static boolean anyKey(String tags, Predicate<String> stale) {
        for (String tag : tags.split(" ")) {
            if (stale.test(tag)) {
                return true;
            }
        }
        return false;
    }

    /** Requests waiting for another's reading now (for the tests). */
    int waitingForReadings() {
        return readings.waiting();
    }

    /** Bytes held (for the metrics). */
    public long bytes() {
        answers.cleanUp();
        return answers.policy()
                .eviction()
                .flatMap(e -> e.weightedSize().stream().boxed().findFirst())
                .orElse(0L);
    }
}
