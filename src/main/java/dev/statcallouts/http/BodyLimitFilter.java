package dev.statcallouts.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses bodies over {@code statcallouts.api.max-body-size} (CSV imports: {@code max-import-size})
 * with a 413 problem: before reading them when they announce their length, while reading them
 * (at the smaller limit) when they are chunked.
 */
public class BodyLimitFilter {

    // Filters are created while the application starts, before runtime configuration is available.
    @Inject
    Provider<ApiConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response limit(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long size;
        try {
            size = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Problems.respond(Problem.of(400, "Bad Request", "Content-Length is not a number."));
        }
        String path = request.path();
        boolean csvImport = path.equals("/api/stats/import") || path.equals("/editor/transfer");
        long limit = (csvImport ? config.get().maxImportSize() : config.get().maxBodySize()).asLongValue();
        return size > limit ? Problems.respond(new BodyTooLargeException(limit).toProblem()) : null;
    }

    /**
     * An I/O error, so that the JSON reader passes it through as it is rather than wrapping it
     * as a mapping error.
     */
    public static final class BodyTooLargeException extends IOException {

        public BodyTooLargeException(long limit) {
            super("The request body is larger than " + limit + " bytes.");
        }

        public Problem toProblem() {
            return Problem.of(413, "Content Too Large", getMessage());
        }
    }

    /** Counts the bytes of a body without a Content-Length as the JSON reader consumes them. */
    @jakarta.ws.rs.ext.Provider
    public static class ChunkedBodyLimit implements ReaderInterceptor {

        @Inject
        Provider<ApiConfig> config;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            long limit = config.get().maxBodySize().asLongValue();
            context.setInputStream(new BoundedInputStream(context.getInputStream(), limit));
            return context.proceed();
        }
    }

    private static final class BoundedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
