package dev.statcallouts.http;

import jakarta.ws.rs.core.Response;

/**
 * Routes read by people in a browser (the editors' pages) implement this to show a refusal as a
 * page of theirs instead of a problem document.
 */
public interface ProblemPages {

    /** Whether requests to this path get this page. */
    boolean covers(String path);

    Response page(int status, String title, String detail);
}
