package dev.statcallouts.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Japanese is drawn with real glyphs from the bundled fonts, not the boxes of a font that lacks them. */
class ImageFontsTest {

    private static final String JAPANESE = "ラピダスへの累計投資額";

    @Test
    void japaneseTextIsCoveredAndDrawnUnlikeAFontWithoutItsGlyphs() throws Exception {
        assertThat(ImageFonts.covers(JAPANESE + " ¥920 billion 65%")).isTrue();
        Font latinOnly;
        try (InputStream in = ImageFonts.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            latinOnly = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(32f);
        }
        assertThat(latinOnly.canDisplayUpTo(JAPANESE)).as("DejaVu lacks kana").isZero();

        Drawing ours = new Drawing(
                420,
                60,
                "#ffffff",
                List.of(),
                List.of(new Drawing.Line(4, 44, JAPANESE, 32, false, "#000000", false)),
                List.of(),
                JAPANESE);
        BufferedImage drawn = ImageIO.read(new ByteArrayInputStream(ours.png(1)));

        BufferedImage boxes = new BufferedImage(420, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = boxes.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 420, 60);
        g.setColor(Color.BLACK);
        g.setFont(latinOnly);
        g.drawString(JAPANESE, 4, 44);
        g.dispose();

        assertThat(ImageResourceTest.inked(drawn)).isGreaterThan(0.05);
        assertThat(ImageResourceTest.difference(drawn, boxes))
                .as("real glyphs differ from a row of missing-glyph boxes")
                .isGreaterThan(0.03);
    }

    @Test
    void longTextIsCutWithAnEllipsisInTheLinesAllowed() throws IOException {
        ImageLayout layout = new ImageLayout(0, 0, 200);
        layout.paragraph("word ".repeat(400), 15, false, "#000000", 1.4, false, 2);
        assertThat(layout.lines).hasSize(2);
        assertThat(layout.lines.get(1).text()).endsWith("…");
    }
}
