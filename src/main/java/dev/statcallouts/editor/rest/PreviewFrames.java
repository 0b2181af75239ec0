package dev.statcallouts.editor.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.statcallouts.embed.RenderedPage;
import io.quarkus.qute.TemplateInstance;

/** Pages shown inside the editor's own preview frames, each under a policy that lets only our pages frame it. */
final class PreviewFrames {

    /** A page of ours without scripts, framable by our own pages only. */
    private static final String OWN_FRAME_CSP = "default-src 'none'; style-src 'self'; frame-ancestors 'self'";

    private PreviewFrames() {}

    /** A card, under the card's own CSP. */
    static Response card(RenderedPage page) {
        return Response.ok(page.html())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", page.csp())
                .build();
    }

    /** A page of ours where the card would be (why there is no preview). */
    static Response page(TemplateInstance page) {
        return Response.ok(page)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", OWN_FRAME_CSP)
                .build();
    }
}
