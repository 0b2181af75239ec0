package dev.statcallouts.webhooks;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.SurrogateKeys;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Names, on every public read of a figure or collection (cards, pictures, permalinks, oEmbed and
 * the API), the cache keys a change purges: {@code Surrogate-Key} (Fastly, space-separated) and
 * {@code Cache-Tag} (Cloudflare, comma-separated). The keys follow from the address alone, so
 * one route ahead of all others sets them, on 200 and 304 answers only. Webhook payloads list
 * the keys each change makes stale.
 */
@ApplicationScoped
public class SurrogateKeyHeaders {

    private static final Pattern STAT =
            Pattern.compile("/(?:embed|s|images/s|api/stats)/(" + Slugs.PATTERN + ")(?:[/.].*)?");
    private static final Pattern COLLECTION =
            Pattern.compile("/(?:embed/c|c|images/c|api/collections)/(" + Slugs.PATTERN + ")(?:[/.].*)?");

    void install(@Observes Router router) {
        router.route().order(-1_100).handler(this::tag);
    }

    private void tag(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            String keys = keys(ctx.normalizedPath(), ctx.request().getParam("url"));
            if (keys != null) {
                ctx.addHeadersEndHandler(ignored -> {
                    int status = ctx.response().getStatusCode();
                    if (status == 200 || status == 304) {
                        ctx.response().headers().set("Surrogate-Key", keys).set("Cache-Tag", keys.replace(' ', ','));
                    }
                });
            }
        }
        ctx.next();
    }

    /** The keys of a path (and of the {@code url} an oEmbed request names), space-separated; null if none. */
    static String keys(String path, String oembedUrl) {
        if (path.equals("/api/stats")) {
            return SurrogateKeys.STATS;
        }
        if (path.equals("/api/collections")) {
            return SurrogateKeys.COLLECTIONS;
        }
        if (path.equals("/oembed") && oembedUrl != null && oembedUrl.length() <= 2000) {
            try {
                String named = URI.create(oembedUrl).getRawPath();
                return named == null || named.startsWith("/oembed") ? null : keys(named, null);
            } catch (IllegalArgumentException notAUrl) {
                return null;
            }
        }
        Matcher collection = COLLECTION.matcher(path);
        if (collection.matches()) {
            return SurrogateKeys.collection(collection.group(1));
        }
        Matcher stat = STAT.matcher(path);
        return stat.matches() ? SurrogateKeys.stat(stat.group(1)) : null;
    }
}
