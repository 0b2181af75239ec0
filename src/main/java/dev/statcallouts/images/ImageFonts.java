package dev.statcallouts.images;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.TextAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;

/**
 * The bundled fonts (see {@code resources/fonts/README.md}): DejaVu Sans for Latin text, and
 * IPAexGothic for every character DejaVu lacks (Japanese), so no glyph is drawn as a box.
 */
public final class ImageFonts {

    /** The font families an SVG names, in the same order, for readers' own copies. */
    public static final String SVG_FAMILIES =
            "'DejaVu Sans', 'IPAexGothic', 'Noto Sans CJK JP', 'Hiragino Sans', system-ui, sans-serif";

    private static final Font REGULAR = load("DejaVuSans.ttf");
    private static final Font BOLD = load("DejaVuSans-Bold.ttf");
    private static final Font JAPANESE = load("ipaexg.ttf");

    private ImageFonts() {}

    private static Font load(String file) {
        try (InputStream in = ImageFonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Bundled font missing: " + file);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text in the bundled fonts at this size: runs DejaVu can draw in it, the rest in IPAexGothic. */
    public static AttributedString styled(String text, float size, boolean bold) {
        AttributedString styled = new AttributedString(text);
        Font latin = (bold ? BOLD : REGULAR).deriveFont(size);
        // IPAexGothic has no bold: Java2D emboldens it.
        Font japanese = JAPANESE.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            styled.addAttribute(TextAttribute.FONT, latin.canDisplay(codePoint) ? latin : japanese, i, next);
            i = next;
        }
        return styled;
    }

    /** Whether every character of the text has a glyph in one of the bundled fonts. */
    public static boolean covers(String text) {
        return text.codePoints().allMatch(c -> REGULAR.canDisplay(c) || JAPANESE.canDisplay(c));
    }
}
