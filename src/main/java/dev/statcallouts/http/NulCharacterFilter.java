package dev.statcallouts.http;

import java.io.IOException;
import java.util.Locale;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.NulCharacters;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.vertx.core.http.HttpServerRequest;

/**
 * No text with a NUL character (U+0000) gets in: PostgreSQL cannot store one, so it is refused
 * where it arrives, in the query string and path (400) or a JSON string (400 naming the field).
 * Forms and CSV rows are checked with the API's rules ({@code StatChecks}); whatever else reaches
 * the database is refused by the problem mappers as 422.
 */
public class NulCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public void refuseInAddress(HttpServerRequest request) {
        String uri = request.uri().toLowerCase(Locale.ROOT);
        if (uri.contains("%00") || uri.indexOf('\0') >= 0) {
            throw DomainException.malformed(
                    uri.contains("?") && uri.indexOf("%00") > uri.indexOf('?') ? "query" : "path",
                    NulCharacters.MESSAGE);
        }
    }

    /** A JSON string with a NUL in it, refused as the wrong format of its field. */
    public static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String value) {
            super(parser, NulCharacters.MESSAGE, value, String.class);
        }
    }

    /** Makes every JSON string refuse NUL characters. */
    @Singleton
    public static class Json implements ObjectMapperCustomizer {

        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("nul-characters")
                    .addDeserializer(String.class, new StringDeserializer() {
                        @Override
                        public String deserialize(JsonParser parser, DeserializationContext context)
                                throws IOException {
                            String value = super.deserialize(parser, context);
                            if (NulCharacters.in(value)) {
                                throw new Refused(parser, value);
                            }
                            return value;
                        }
                    }));
        }
    }
}
