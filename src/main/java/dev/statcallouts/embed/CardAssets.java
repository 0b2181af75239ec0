package dev.statcallouts.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import dev.statcallouts.common.Hashes;

/**
 * The card's stylesheet and script from {@code widgets/}, read once and inlined into every card
 * (a card makes no requests of its own). The script is allowed by its hash in the CSP.
 */
@ApplicationScoped
public class CardAssets {

    private final String css = compactCss(read("card.css"));
    private final String script = stripComments(read("card.js"));
    private final String scriptHash = Hashes.cspSource(script);

    public String css() {
        return css;
    }

    public String script() {
        return script;
    }

    /** The CSP source expression that allows exactly {@link #script()}. */
    public String scriptHash() {
        return scriptHash;
    }

    private static String read(String name) {
        try (InputStream in = CardAssets.class.getResourceAsStream("/META-INF/resources/widgets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("widgets/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String compactCss(String css) {
        return css.replaceAll("\\s*\\n\\s*", "");
    }

    /** Drops the leading comment lines and indentation; the script has no strings that could contain them. */
    private static String stripComments(String js) {
        return js.replaceAll("(?m)^\\s*//.*\\n", "").replaceAll("(?m)^\\s+", "").strip();
    }
}
