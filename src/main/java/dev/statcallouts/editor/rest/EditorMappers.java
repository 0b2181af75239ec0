package dev.statcallouts.editor.rest;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.statcallouts.http.ProblemPages;

/** Refusals of the editors' pages, answered as pages a browser shows (not problem documents). */
@ApplicationScoped
public class EditorMappers implements ProblemPages {

    @Override
    public boolean covers(String path) {
        return path.equals("/editor") || path.startsWith("/editor/");
    }

    @Override
    public Response page(int status, String title, String detail) {
        return errorPage(status, title, detail);
    }

    @ServerExceptionMapper
    public Response signIn(EditorGate.SignInRequired e) {
        return Response.seeOther(URI.create("/editor/login")).build();
    }

    @ServerExceptionMapper
    public Response refused(EditorGate.Refused e) {
        return errorPage(e.status, e.status == 403 ? "Not allowed" : "Refused", e.getMessage());
    }

    /** An HTML error page for the editors' UI. */
    public static Response errorPage(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(EditorResource.Templates.error(new EditorResource.ErrorPage(status, title, detail)).render())
                .build();
    }
}
