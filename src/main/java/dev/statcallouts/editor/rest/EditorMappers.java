package dev.statcallouts.editor.rest;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.statcallouts.http.ProblemPages;

/** Refusals of the editors' pages, answered as pages a browser shows (not problem documents). */
@ApplicationScoped
public class EditorMappers implements ProblemPages {

    static boolean editorPath(String path) {
        return path.equals("/editor") || path.startsWith("/editor/");
    }

    @Override
    public boolean covers(String path) {
        return editorPath(path);
    }

    @Override
    public Response page(int status, String title, String detail) {
        return errorPage(status, title, detail);
    }

    @Override
    public Response signIn() {
        return Response.seeOther(URI.create("/editor/login")).build();
    }

    @Override
    public Response forbidden() {
        // The one role the editors' pages check beyond signing in.
        return errorPage(403, "Not allowed", "Only admins manage editors and API tokens.");
    }

    /** An HTML error page for the editors' UI. */
    public static Response errorPage(int status, String title, String detail) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(EditorResource.Templates.error(new EditorResource.ErrorPage(status, title, detail))
                        .render())
                .build();
    }
}
