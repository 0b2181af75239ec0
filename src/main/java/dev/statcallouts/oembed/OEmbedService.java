package dev.statcallouts.oembed;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.embed.CardHeight;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardPage;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.EmbedSnippets;
import dev.statcallouts.embed.FigureCard;
import dev.statcallouts.embed.FigureCards;
import dev.statcallouts.http.ProblemException;
import dev.statcallouts.images.FigureImages;
import dev.statcallouts.images.ImageSpec;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.Stat;

/** Answers oEmbed requests for the card URLs of this service's public origin. */
@ApplicationScoped
public class OEmbedService {

    /** Suggested cache lifetime of an oEmbed answer, in seconds. */
    static final long CACHE_AGE = 3600;

    private static final Pattern PATH = Pattern.compile("/(s|embed|c|embed/c)/(" + Slugs.PATTERN + ")/?");

    @Inject
    SiteConfig site;

    @Inject
    EmbedConfig embed;

    @Inject
    FigureCards cards;

    @Inject
    CardRenderer renderer;

    @Inject
    FigureImages images;

    @Transactional
    public OEmbed describe(String url, Integer maxWidth, Integer maxHeight) {
        Target target = parse(url);
        int width = Math.min(embed.defaultWidth(), maxWidth == null ? Integer.MAX_VALUE : maxWidth);
        if (width < CardHeight.MIN_WIDTH) {
            throw DomainException.notFound("A card needs at least " + CardHeight.MIN_WIDTH + " px of width.");
        }
        String base = site.publicUrl() + (target.collection ? "/embed/c/" : "/embed/") + target.slug;
        String permalink = site.publicUrl() + (target.collection ? "/c/" : "/s/") + target.slug;
        String embedUrl = base + target.options.query();
        String scriptUrl = site.publicUrl() + "/widgets/embed.js";
        EmbedSnippets.Snippet snippet;
        List<FigureCard.SourceLink> sources;
        int height;
        // A card's picture for a thumbnail below 1200×630: as wide as the card, in the pictures' steps.
        // Its height takes a layout in the picture's fonts, so it is worked out only when asked for.
        int pictureWidth = Math.max(ImageSpec.MIN_WIDTH, width / ImageSpec.STEP * ImageSpec.STEP);
        IntSupplier pictureHeight;
        if (target.collection) {
            StatCollection collection = StatCollection.findBySlug(target.slug)
                    .orElseThrow(() -> DomainException.notFound("No collection with slug '" + target.slug + "'."));
            requirePublic(collection.status == StatCollection.Status.PUBLISHED);
            CardPage page = renderer.collectionPage(collection, target.options, permalink);
            snippet = EmbedSnippets.collection(page, embedUrl, permalink, scriptUrl, width, List.of());
            sources = page.references().stream()
                    .map(r -> new FigureCard.SourceLink(r.name(), r.url(), r.dates(), r.via()))
                    .toList();
            height = CardHeight.estimateCollection(page, width);
            pictureHeight = () -> images.height(page, target.options, pictureWidth);
        } else {
            Stat stat = Stat.findBySlugWithDetails(target.slug)
                    .orElseThrow(() -> DomainException.notFound("No figure with slug '" + target.slug + "'."));
            requirePublic(stat.isPublic());
            FigureCard card = cards.card(stat, target.options);
            snippet = EmbedSnippets.figure(card, embedUrl, permalink, scriptUrl, width, List.of());
            sources = card.sources();
            height = CardHeight.estimate(card, width);
            pictureHeight = () -> images.height(card, target.options, pictureWidth);
        }
        if (maxHeight != null && height > maxHeight) {
            throw DomainException.notFound("The card is " + height + " px tall at " + width
                    + " px wide, more than maxheight " + maxHeight + ".");
        }
        // The spec wants a thumbnail within maxwidth and maxheight: the social picture where it
        // fits, else the card's picture as wide as the card (its height from the layout that draws it).
        String pictures = site.publicUrl() + (target.collection ? "/images/c/" : "/images/s/") + target.slug;
        String options = target.options.query();
        String thumbnailUrl = pictures + "/social.png" + options;
        int thumbnailWidth = ImageSpec.SOCIAL_WIDTH;
        int thumbnailHeight = ImageSpec.SOCIAL_HEIGHT;
        if (maxWidth != null && maxWidth < ImageSpec.SOCIAL_WIDTH
                || maxHeight != null && maxHeight < ImageSpec.SOCIAL_HEIGHT) {
            thumbnailWidth = pictureWidth;
            thumbnailHeight = pictureHeight.getAsInt();
            thumbnailUrl = pictures + ".png" + (options.isEmpty() ? "?" : options + "&") + "w=" + thumbnailWidth;
        }
        boolean thumbnail =
                (maxWidth == null || thumbnailWidth <= maxWidth) && (maxHeight == null || thumbnailHeight <= maxHeight);
        return new OEmbed(
                "rich",
                "1.0",
                snippet.title(),
                String.join(
                        ", ",
                        sources.stream()
                                .map(FigureCard.SourceLink::name)
                                .distinct()
                                .toList()),
                sources.isEmpty() ? null : sources.get(0).url(),
                site.name(),
                site.publicUrl(),
                CACHE_AGE,
                EmbedSnippets.code(EmbedSnippets.oembed(snippet)),
                width,
                height,
                thumbnail ? thumbnailUrl : null,
                thumbnail ? thumbnailWidth : null,
                thumbnail ? thumbnailHeight : null);
    }

    private static void requirePublic(boolean isPublic) {
        if (!isPublic) {
            throw new ProblemException(401, "This figure is not published.");
        }
    }

    private record Target(boolean collection, String slug, CardOptions options) {}

    /** A card URL on our public origin; anything else (foreign host, other path) is 404. */
    private Target parse(String url) {
        URI uri;
        URI origin;
        try {
            uri = new URI(url.strip());
            origin = new URI(site.publicUrl());
        } catch (URISyntaxException e) {
            throw DomainException.malformed("url", "is not a valid URL");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw DomainException.malformed("url", "must be an absolute URL");
        }
        boolean ours = uri.getScheme().equalsIgnoreCase(origin.getScheme())
                && uri.getHost().equalsIgnoreCase(origin.getHost())
                && port(uri) == port(origin);
        Matcher path = PATH.matcher(Objects.requireNonNullElse(uri.getPath(), ""));
        if (!ours || !path.matches()) {
            throw DomainException.notFound("Not a card URL of " + site.publicUrl() + ".");
        }
        Map<String, String> query = query(uri.getRawQuery());
        CardOptions options =
                CardOptions.parse(query.get("theme"), query.get("lang"), query.get("accent"), query.get("v"));
        return new Target(path.group(1).endsWith("c"), path.group(2), options);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
