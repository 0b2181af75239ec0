package dev.statcallouts.http;

import jakarta.ws.rs.core.Response;

/**
 * Routes read by people in a browser (the editors' pages) implement this to show a refusal as a
 * page of theirs instead of a problem document.
 */
public interface ProblemPages {

    /** Whether requests to this path get these pages. */
    boolean covers(String path);

    Response page(int status, String title, String detail);

    /** The answer to a request that needs someone signed in. */
    Response signIn();

    /** The answer to a signed-in user without the role a page needs. */
    Response forbidden();
}
