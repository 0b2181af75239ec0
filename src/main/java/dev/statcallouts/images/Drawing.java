package dev.statcallouts.images;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.AttributedString;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A laid-out image: boxes and lines of text at fixed positions, in CSS pixels. The same drawing
 * becomes a PNG (Java2D, at a pixel density) or an SVG, so both show exactly the same lines.
 */
public record Drawing(
        int width, int height, String background, List<Box> boxes, List<Line> lines, List<Trace> traces, String alt) {

    /** A line through points (a sparkline), {@code thickness} wide, with a dot on the last point. */
    public record Trace(List<double[]> points, double thickness, String color) {}

    /** A filled rectangle. */
    public record Box(double x, double y, double w, double h, String color) {}

    /** One line of text; {@code baseline} is where its glyphs sit. */
    public record Line(
            double x, double baseline, String text, float size, boolean bold, String color, boolean struck) {}

    /** The drawing as a PNG, {@code density} device pixels per CSS pixel. */
    public byte[] png(int density) {
        BufferedImage image = new BufferedImage(width * density, height * density, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(density, density);
            g.setColor(color(background));
            g.fillRect(0, 0, width, height);
            for (Box box : boxes) {
                g.setColor(color(box.color()));
                g.fill(new Rectangle2D.Double(box.x(), box.y(), box.w(), box.h()));
            }
            for (Trace trace : traces) {
                g.setColor(color(trace.color()));
                g.setStroke(new BasicStroke((float) trace.thickness(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                Path2D path = new Path2D.Double();
                double[] last = trace.points().get(0);
                path.moveTo(last[0], last[1]);
                for (double[] point : trace.points()) {
                    path.lineTo(point[0], point[1]);
                    last = point;
                }
                g.draw(path);
                double r = trace.thickness() * 1.4;
                g.fill(new Ellipse2D.Double(last[0] - r, last[1] - r, 2 * r, 2 * r));
            }
            for (Line line : lines) {
                AttributedString text = ImageFonts.styled(line.text(), line.size(), line.bold());
                if (line.struck()) {
                    text.addAttribute(TextAttribute.STRIKETHROUGH, TextAttribute.STRIKETHROUGH_ON);
                }
                g.setColor(color(line.color()));
                g.drawString(text.getIterator(), (float) line.x(), (float) line.baseline());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The drawing as an SVG document: text stays text, in the bundled fonts' families. */
    public byte[] svg() {
        StringBuilder svg = new StringBuilder(4096)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(alt))
                .append("\"><title>")
                .append(escape(alt))
                .append("</title><rect width=\"100%\" height=\"100%\" fill=\"")
                .append(background)
                .append("\"/>");
        for (Box box : boxes) {
            svg.append("<rect x=\"")
                    .append(number(box.x()))
                    .append("\" y=\"")
                    .append(number(box.y()))
                    .append("\" width=\"")
                    .append(number(box.w()))
                    .append("\" height=\"")
                    .append(number(box.h()))
                    .append("\" fill=\"")
                    .append(box.color())
                    .append("\"/>");
        }
        for (Trace trace : traces) {
            StringBuilder points = new StringBuilder();
            for (double[] point : trace.points()) {
                points.append(points.length() == 0 ? "" : " ")
                        .append(number(point[0]))
                        .append(',')
                        .append(number(point[1]));
            }
            double[] last = trace.points().get(trace.points().size() - 1);
            svg.append("<polyline points=\"")
                    .append(points)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(trace.color())
                    .append("\" stroke-width=\"")
                    .append(number(trace.thickness()))
                    .append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/><circle cx=\"")
                    .append(number(last[0]))
                    .append("\" cy=\"")
                    .append(number(last[1]))
                    .append("\" r=\"")
                    .append(number(trace.thickness() * 1.4))
                    .append("\" fill=\"")
                    .append(trace.color())
                    .append("\"/>");
        }
        svg.append("<g font-family=\"").append(ImageFonts.SVG_FAMILIES).append("\">");
        for (Line line : lines) {
            svg.append("<text x=\"")
                    .append(number(line.x()))
                    .append("\" y=\"")
                    .append(number(line.baseline()))
                    .append("\" font-size=\"")
                    .append(number(line.size()))
                    .append('"')
                    .append(line.bold() ? " font-weight=\"700\"" : "")
                    .append(line.struck() ? " text-decoration=\"line-through\"" : "")
                    .append(" fill=\"")
                    .append(line.color())
                    .append("\">")
                    .append(escape(line.text()))
                    .append("</text>");
        }
        return svg.append("</g></svg>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Color color(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
