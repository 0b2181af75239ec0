package dev.statcallouts.images;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardPage;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.Contrast;
import dev.statcallouts.embed.FigureCard;
import dev.statcallouts.embed.FigureCards;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.embed.Sparkline;
import dev.statcallouts.embed.Theme;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.Stat;

/**
 * Pictures of figures and collections, drawn on the server from the same card a reader's frame
 * shows (figure, label, change, sources, context, as-of; a retracted figure says so first): for
 * social previews, newsletters, print and slides, where no frame or script can run.
 */
@ApplicationScoped
public class FigureImages {

    /** The colours of card.css, per theme: background, text, muted text, rules, notice. */
    private record Palette(
            String background, String text, String muted, String line, String noteBackground, String note) {
        static Palette of(Theme theme) {
            return theme == Theme.DARK
                    ? new Palette("#16181d", "#f3f4f6", "#b4bac4", "#3a3f48", "#4a3b0c", "#ffe8a3")
                    : new Palette("#ffffff", "#16181d", "#4a4f59", "#d9dce1", "#fff3cd", "#5c3c00");
        }
    }

    /** Type sizes and spacing in CSS pixels; the social image uses larger ones, shrunk until its content fits. */
    private record Sizes(double pad, double bar, float figure, float label, float small, float context) {
        static final Sizes CARD = new Sizes(20, 5, 56, 19, 14, 15);
        static final Sizes NARROW = new Sizes(14, 4, 40, 16, 13, 14);
        static final Sizes SOCIAL = new Sizes(72, 14, 150, 44, 28, 30);

        Sizes scaled(double factor) {
            return new Sizes(
                    pad, bar, (float) (figure * factor), (float) (label * factor), (float) (small * factor), (float)
                            (context * factor));
        }
    }

    @Inject
    FigureCards cards;

    @Inject
    CardRenderer renderer;

    @Inject
    CardCache cache;

    @Inject
    SiteConfig site;

    /** A key's picture: the figure's or collection's, as its variant asks. */
    public RenderedPage render(CardCache.Key key, ImageSpec spec) {
        return key.kind() == CardCache.Kind.STAT
                ? stat(key.slug(), key.options(), spec)
                : collection(key.slug(), key.options(), spec);
    }

    @Transactional
    public RenderedPage stat(String slug, CardOptions options, ImageSpec spec) {
        Stat stat = cache.figure(slug, FigureCards::publicStat);
        FigureCard card = cards.card(stat, options);
        return picture(
                drawing(card, options, spec),
                spec,
                stat.updatedAt,
                cards.locale(stat, options).toLanguageTag());
    }

    /** The height in CSS pixels of a figure's card picture this wide: what an img element reserves for it. */
    public int height(FigureCard card, CardOptions options, int width) {
        return drawing(card, options, new ImageSpec(ImageSpec.Format.PNG, false, width, 1))
                .height();
    }

    private Drawing drawing(FigureCard card, CardOptions options, ImageSpec spec) {
        Palette palette = Palette.of(options.theme());
        String accent = Contrast.readable("#" + options.accent(), palette.background());
        Content content = (layout, sizes) -> figure(layout, sizes, palette, accent, card, null);
        return spec.social()
                ? social(spec, palette, accent, card.sentence(), content)
                : card(spec, palette, accent, card.sentence(), content);
    }

    @Transactional
    public RenderedPage collection(String slug, CardOptions options, ImageSpec spec) {
        StatCollection collection = CardRenderer.publicCollection(slug);
        CardPage page = renderer.collectionPage(collection, options, site.publicUrl() + "/c/" + slug);
        return picture(drawing(page, options, spec), spec, collection.updatedAt, page.lang());
    }

    /** The height in CSS pixels of a collection's card picture this wide. */
    public int height(CardPage page, CardOptions options, int width) {
        return drawing(page, options, new ImageSpec(ImageSpec.Format.PNG, false, width, 1))
                .height();
    }

    private Drawing drawing(CardPage page, CardOptions options, ImageSpec spec) {
        Palette palette = Palette.of(options.theme());
        String accent = Contrast.readable("#" + options.accent(), palette.background());
        Content content = (layout, sizes) -> {
            layout.paragraph(page.title(), sizes.label(), true, palette.text(), 1.3, false, 2);
            if (page.description() != null) {
                layout.gap(4);
                layout.paragraph(page.description(), sizes.context(), false, palette.muted(), 1.4, false, 2);
            }
            // One size for every figure, set by the widest, as on the card.
            float figure = Float.MAX_VALUE;
            for (FigureCard card : page.cards()) {
                figure = Math.min(figure, layout.fit(card.figure(), sizes.figure() * 0.7f, sizes.label() * 1.2f, true));
            }
            for (FigureCard card : page.cards()) {
                layout.gap(sizes.label() * 0.8);
                figure(layout, sizes, palette, accent, card.withRefs(List.of()), figure);
            }
        };
        return spec.social()
                ? social(spec, palette, accent, page.sentence(), content)
                : card(spec, palette, accent, page.sentence(), content);
    }

    /** What goes in an image's column, at these sizes. */
    private interface Content extends BiConsumer<ImageLayout, Sizes> {}

    private static void figure(
            ImageLayout layout, Sizes sizes, Palette palette, String accent, FigureCard card, Float figureSize) {
        boolean first = true;
        for (String notice : card.notices()) {
            double top = layout.y();
            boolean lead = card.retracted() && first;
            layout.paragraph(notice, lead ? sizes.label() : sizes.context(), lead, palette.note(), 1.4, false, 3);
            layout.boxes.add(noteBox(layout, top, palette));
            layout.gap(sizes.context());
            first = false;
        }
        if (card.retracted()) {
            layout.paragraph(card.figure(), sizes.context(), true, palette.muted(), 1.2, true, 2);
            layout.paragraph(card.label(), sizes.context(), false, palette.muted(), 1.3, true, 2);
        } else {
            float size = figureSize != null
                    ? figureSize
                    : layout.fit(card.figure(), sizes.figure(), sizes.label() * 1.3f, true);
            layout.paragraph(card.figure(), size, true, accent, 1.1, false, 2);
            layout.gap(4);
            layout.paragraph(card.label(), sizes.label(), true, palette.text(), 1.3, false, 3);
        }
        if (card.sparkline() != null) {
            layout.gap(6);
            layout.trace(card.sparkline().points(), Sparkline.HEIGHT, sizes.small() / 13.0, accent);
        }
        if (card.trend() != null) {
            layout.gap(4);
            layout.paragraph(card.trend(), sizes.small(), false, palette.muted(), 1.4, false, 2);
        }
        layout.gap(6);
        layout.paragraph(
                card.sourceLabel() + ": "
                        + String.join(
                                ", ",
                                card.sources().stream()
                                        .map(FigureCard.SourceLink::name)
                                        .toList()),
                sizes.small(),
                false,
                palette.muted(),
                1.4,
                false,
                2);
        if (card.context() != null) {
            layout.gap(6);
            layout.paragraph(card.context(), sizes.context(), false, palette.muted(), 1.4, false, 4);
        }
        if (card.meta() != null) {
            layout.gap(4);
            layout.paragraph(card.meta(), sizes.small(), false, palette.muted(), 1.4, false, 2);
        }
    }

    private static Drawing.Box noteBox(ImageLayout layout, double top, Palette palette) {
        Drawing.Line last = layout.lines.get(layout.lines.size() - 1);
        double x = last.x();
        return new Drawing.Box(x - 8, top - 6, 10_000, layout.y() - top + 12, palette.noteBackground());
    }

    /** A card picture: the requested width, as tall as its content. */
    private static Drawing card(ImageSpec spec, Palette palette, String accent, String alt, Content content) {
        Sizes sizes = spec.width() <= 320 ? Sizes.NARROW : Sizes.CARD;
        double left = sizes.bar() + sizes.pad();
        ImageLayout layout = new ImageLayout(left, sizes.pad(), spec.width() - left - sizes.pad());
        content.accept(layout, sizes);
        int height = (int) Math.ceil(layout.y() + sizes.pad());
        return frame(spec.width(), height, palette, accent, sizes, layout, alt);
    }

    /** The 1200×630 social picture: type shrunk step by step until the content fits above the site's name. */
    private Drawing social(ImageSpec spec, Palette palette, String accent, String alt, Content content) {
        Sizes sizes = Sizes.SOCIAL;
        ImageLayout layout = null;
        double footer = 40;
        for (double factor = 1.0; factor >= 0.45; factor -= 0.1) {
            sizes = Sizes.SOCIAL.scaled(factor);
            double left = sizes.bar() + sizes.pad();
            layout = new ImageLayout(left, sizes.pad() * 0.8, spec.width() - left - sizes.pad());
            content.accept(layout, sizes);
            if (layout.y() <= ImageSpec.SOCIAL_HEIGHT - sizes.pad() * 0.6 - footer) {
                break;
            }
        }
        String host = URI.create(site.publicUrl()).getHost();
        double left = sizes.bar() + sizes.pad();
        layout.lines.add(new Drawing.Line(
                left,
                ImageSpec.SOCIAL_HEIGHT - sizes.pad() * 0.6,
                site.name() + " · " + host,
                24,
                false,
                palette.muted(),
                false));
        return frame(ImageSpec.SOCIAL_WIDTH, ImageSpec.SOCIAL_HEIGHT, palette, accent, sizes, layout, alt);
    }

    /** The card's frame: its accent bar and a hairline border, behind the content. */
    private static Drawing frame(
            int width, int height, Palette palette, String accent, Sizes sizes, ImageLayout layout, String alt) {
        List<Drawing.Box> boxes = new ArrayList<>();
        boxes.add(new Drawing.Box(0, 0, width, 1, palette.line()));
        boxes.add(new Drawing.Box(0, height - 1, width, 1, palette.line()));
        boxes.add(new Drawing.Box(width - 1, 0, 1, height, palette.line()));
        boxes.add(new Drawing.Box(0, 0, sizes.bar(), height, accent));
        // Notice boxes run to the right edge of the content column.
        for (Drawing.Box box : layout.boxes) {
            double right = width - sizes.pad() + 8;
            boxes.add(new Drawing.Box(box.x(), box.y(), Math.min(box.w(), right - box.x()), box.h(), box.color()));
        }
        return new Drawing(width, height, palette.background(), boxes, layout.lines, layout.traces, alt);
    }

    private static RenderedPage picture(Drawing drawing, ImageSpec spec, Instant modified, String lang) {
        byte[] bytes = spec.format() == ImageSpec.Format.PNG ? drawing.png(spec.density()) : drawing.svg();
        return RenderedPage.image(
                bytes, spec.format().contentType, spec.format() == ImageSpec.Format.SVG, modified, lang);
    }
}
