package dev.statcallouts.images;

import java.util.Locale;

import dev.statcallouts.common.DomainException;

/**
 * What picture of a figure or collection is asked for: PNG or SVG, the 1200×630 social image or a
 * card {@code width} CSS pixels wide at a pixel {@code density}. Widths are whole steps of
 * {@value #STEP} px, so however readers vary them, few renderings exist per figure.
 */
public record ImageSpec(Format format, boolean social, int width, int density) {

    public enum Format {
        PNG("image/png"),
        SVG("image/svg+xml");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    public static final int SOCIAL_WIDTH = 1200;
    public static final int SOCIAL_HEIGHT = 630;
    public static final int MIN_WIDTH = 240;
    public static final int MAX_WIDTH = 1200;
    public static final int STEP = 40;
    public static final int DEFAULT_WIDTH = 600;

    /** Parses an image address's parts; anything out of range is a 400 naming the parameter. */
    public static ImageSpec parse(String extension, boolean social, String width, String density) {
        Format format = Format.valueOf(extension.toUpperCase(Locale.ROOT));
        int w = DEFAULT_WIDTH;
        if (width != null && !width.isBlank()) {
            if (social) {
                throw DomainException.malformed("w", "the social image is always 1200×630; leave w out");
            }
            if (!width.strip().matches("[0-9]{3,4}")
                    || Integer.parseInt(width.strip()) < MIN_WIDTH
                    || Integer.parseInt(width.strip()) > MAX_WIDTH) {
                throw DomainException.malformed("w", "must be a width in CSS pixels from 240 to 1200");
            }
            w = Integer.parseInt(width.strip()) / STEP * STEP;
        }
        int d = 1;
        if (density != null && !density.isBlank()) {
            if (!density.strip().matches("[12]")) {
                throw DomainException.malformed("dpr", "must be 1 or 2");
            }
            if (format == Format.SVG) {
                throw DomainException.malformed("dpr", "an SVG has no pixel density; leave dpr out");
            }
            d = Integer.parseInt(density.strip());
        }
        return new ImageSpec(format, social, social ? SOCIAL_WIDTH : w, d);
    }

    /** The part of the cache key that tells this picture from the card and the other pictures. */
    public String variant() {
        return (social ? "social" : "card" + width) + "@" + density + "."
                + format.name().toLowerCase(Locale.ROOT);
    }
}
