package dev.statcallouts.editor.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.Hashes;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.editor.EditorConfig;
import dev.statcallouts.editor.service.EditorAuthService;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.service.StatQuery;
import dev.statcallouts.stats.service.StatService;
import dev.statcallouts.usage.UsageService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/** The editors' web UI: sign-in, sign-out and the list of figures. Server-rendered; works without JavaScript. */
@EditorPage
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN)
@Tag(name = "editor", description = "The editors' web UI")
public class EditorResource {

    static final String SESSION_COOKIE = "sc_session";
    static final String LOGIN_CSRF_COOKIE = "sc_login_csrf";
    private static final int PAGE_SIZE = 50;

    /** The sign-in page. */
    public record LoginPage(String csrf, String username, String error) {}

    /** The figure list. */
    public record FiguresPage(
            SignedIn editor,
            Page<StatView> figures,
            String q,
            String status,
            String tag,
            String lacks,
            String sort,
            Map<String, Long> articles,
            String notice) {

        /** The orders the list offers: a parameter value, its label, and what it sorts by. */
        static final List<Sorting> SORTINGS = List.of(
                new Sorting("updated", "recently changed first", StatQuery.Order.UPDATED, false),
                new Sorting("updated-asc", "least recently changed first", StatQuery.Order.UPDATED, true),
                new Sorting("created", "newest first", StatQuery.Order.CREATED, false),
                new Sorting("slug", "slug, A to Z", StatQuery.Order.SLUG, true),
                new Sorting("as-of", "as of, latest first", StatQuery.Order.AS_OF, false),
                new Sorting("as-of-asc", "as of, earliest first", StatQuery.Order.AS_OF, true),
                new Sorting("source", "source, A to Z", StatQuery.Order.SOURCE, true),
                new Sorting("used", "used in most articles first", StatQuery.Order.USED, false));

        record Sorting(String value, String label, StatQuery.Order order, boolean ascending) {}

        static Sorting sorting(String value) {
            return SORTINGS.stream()
                    .filter(s -> s.value().equals(value))
                    .findFirst()
                    .orElse(SORTINGS.get(0));
        }

        public List<FigureFormResource.Option> sortings() {
            return SORTINGS.stream()
                    .map(s -> new FigureFormResource.Option(s.value(), s.label()))
                    .toList();
        }

        public String sortLabel() {
            return sorting(sort).label();
        }

        /** How many articles showed a figure in the last 30 days. */
        public long articlesOf(String slug) {
            return articles.getOrDefault(slug, 0L);
        }

        /** The languages a figure can lack: those cards speak. */
        public List<String> languages() {
            return Languages.CODES;
        }

        public boolean hasMore() {
            return figures.page() < figures.totalPages();
        }

        /** This list with the same filters, {@code delta} pages on. */
        public String pageLink(int delta) {
            StringBuilder link = new StringBuilder("/editor?status=").append(encode(status));
            if (q != null) {
                link.append("&q=").append(encode(q));
            }
            if (tag != null) {
                link.append("&tag=").append(encode(tag));
            }
            if (lacks != null) {
                link.append("&lacks=").append(encode(lacks));
            }
            if (!sort.equals(SORTINGS.get(0).value())) {
                link.append("&sort=").append(encode(sort));
            }
            return link.append("&page=").append(figures.page() + delta).toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** The signed-in editor's own account: their password. */
    public record AccountPage(SignedIn editor, String notice, String error) {}

    /** An editor page's refusal. */
    public record ErrorPage(int status, String title, String detail) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginPage page);

        static native TemplateInstance figures(FiguresPage page);

        static native TemplateInstance error(ErrorPage page);

        static native TemplateInstance account(AccountPage page);
    }

    @Inject
    EditorAuthService auth;

    @Inject
    EditorConfig config;

    @Inject
    CurrentEditor signedIn;

    @Inject
    UsageService usage;

    @Inject
    StatService stats;

    @GET
    @Path("login")
    @PermitAll
    @Operation(summary = "Sign-in form")
    public Response loginForm() {
        if (signedIn.isPresent()) {
            return redirect("/editor");
        }
        return loginPage(200, "", null);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign in")
    public Response login(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("csrf") String csrf,
            @CookieParam(LOGIN_CSRF_COOKIE) String expectedCsrf,
            @Context HttpServerRequest request) {
        if (!Hashes.sameSecret(expectedCsrf, csrf)) {
            return loginPage(403, username, "This form has expired. Please sign in again.");
        }
        try {
            EditorAuthService.NewSession session = auth.signIn(username, password, clientAddress(request));
            return Response.seeOther(URI.create("/editor"))
                    .cookie(
                            cookie(SESSION_COOKIE, session.token(), "/editor", (int)
                                    config.sessionLifetime().toSeconds()),
                            cookie(LOGIN_CSRF_COOKIE, "", "/editor/login", 0))
                    .build();
        } catch (EditorAuthService.SignInRefused refused) {
            return refused.reason == EditorAuthService.Refusal.TOO_SOON
                    ? tooSoon(username, refused)
                    : loginPage(401, username, "Wrong user name or password.");
        }
    }

    @POST
    @Path("logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out")
    public Response logout(@CookieParam(SESSION_COOKIE) String session) {
        auth.signOut(session);
        return Response.seeOther(URI.create("/editor/login"))
                .cookie(cookie(SESSION_COOKIE, "", "/editor", 0))
                .build();
    }

    @GET
    @Operation(summary = "The figures, most recently changed first, with search, tag and status filters")
    public TemplateInstance figures(
            @QueryParam("q") String q,
            @QueryParam("status") @DefaultValue("all") String status,
            @QueryParam("tag") String tag,
            @QueryParam("lacks") String lacks,
            @QueryParam("sort") String sort,
            @QueryParam("page") @DefaultValue("1") String page,
            @QueryParam("notice") String notice) {
        SignedIn editor = signedIn.get();
        Set<StatStatus> statuses = switch (status) {
            case "draft" -> EnumSet.of(StatStatus.DRAFT);
            case "published" -> EnumSet.of(StatStatus.PUBLISHED);
            case "retracted" -> EnumSet.of(StatStatus.RETRACTED);
            default -> EnumSet.allOf(StatStatus.class);
        };
        int pageNumber = page.matches("\\d{1,6}") && Integer.parseInt(page) > 0 ? Integer.parseInt(page) : 1;
        // Filters an editor typed are kept within what one query should hold: longer text is cut.
        String text = q == null || q.isBlank() ? null : abbreviate(q.strip(), 200);
        List<String> tags = StatQuery.tags(tag == null ? null : abbreviate(tag, 410));
        tags = tags.subList(0, Math.min(tags.size(), StatQuery.MAX_TAGS));
        // Only a language cards speak; anything else is no filter.
        String lacking = Languages.CODES.contains(lacks) ? lacks : null;
        FiguresPage.Sorting sorting = FiguresPage.sorting(sort);
        Page<StatView> figures = stats.list(
                new StatQuery(
                        statuses, tags, text, pageNumber, PAGE_SIZE, lacking, sorting.order(), sorting.ascending()),
                null);
        return Templates.figures(new FiguresPage(
                editor,
                figures,
                text,
                status,
                tags.isEmpty() ? null : String.join(", ", tags),
                lacking,
                sorting.value(),
                usage.pageCounts(figures.items().stream().map(StatView::slug).toList(), 30),
                "deleted".equals(notice) ? "Draft deleted, with its history." : null));
    }

    private static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    @GET
    @Path("account")
    @Operation(summary = "The signed-in editor's account: change the password")
    public TemplateInstance account(@QueryParam("notice") String notice) {
        return Templates.account(new AccountPage(
                signedIn.get(),
                "changed".equals(notice) ? "Password changed. Your other sessions were signed out." : null,
                null));
    }

    @POST
    @Path("account")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Change the signed-in editor's password")
    public Response changePassword(
            @FormParam("current") String current,
            @FormParam("password") String password,
            @FormParam("confirm") String confirm,
            @CookieParam(SESSION_COOKIE) String session,
            @Context HttpServerRequest request) {
        SignedIn editor = signedIn.get();
        String error = password == null || password.length() < EditorAuthService.MIN_PASSWORD || password.length() > 200
                ? "new password: must be 12 to 200 characters"
                : !password.equals(confirm) ? "confirm: does not match the new password" : null;
        if (error == null) {
            try {
                auth.changePassword(editor.username(), current, password, session, clientAddress(request));
                return redirect("/editor/account?notice=changed");
            } catch (EditorAuthService.SignInRefused refused) {
                error = refused.reason == EditorAuthService.Refusal.TOO_SOON
                        ? "current password: too many wrong ones; try again in " + refused.retryAfterSeconds()
                                + " seconds"
                        : "current password: is wrong";
            }
        }
        return Response.status(422)
                .entity(Templates.account(new AccountPage(editor, null, error)))
                .build();
    }

    private Response loginPage(int status, String username, String error) {
        String csrf = Hashes.randomToken(24);
        return Response.status(status)
                .entity(Templates.login(new LoginPage(csrf, username, error)))
                .cookie(cookie(LOGIN_CSRF_COOKIE, csrf, "/editor/login", 3600))
                .build();
    }

    /** After too many wrong passwords from here: the same answer whichever name was typed. */
    private Response tooSoon(String username, EditorAuthService.SignInRefused refused) {
        long seconds = refused.retryAfterSeconds();
        return Response.fromResponse(loginPage(
                        429,
                        username,
                        "Too many wrong passwords from here. Wait " + seconds + (seconds == 1 ? " second" : " seconds")
                                + " before you try again."))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    /**
     * The client's address: the connection's peer, or what the reverse proxy says when
     * quarkus.http.proxy.proxy-address-forwarding is on (see docs/operations.md).
     */
    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }

    private static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private NewCookie cookie(String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
