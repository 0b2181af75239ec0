package dev.statcallouts.permalink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON that is safe inside {@code <script type="application/ld+json">}, whatever an editor typed. */
final class JsonLd {

    private JsonLd() {}

    static String of(ObjectMapper json, Object value) {
        try {
            // The HTML parser ends a script at "</script" and treats "<!--" specially; JSON allows
            // escaping every such character, so none of them appears literally.
            return json.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026")
                    .replace("\u2028", "\\u2028")
                    .replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
