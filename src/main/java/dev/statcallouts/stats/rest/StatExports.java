package dev.statcallouts.stats.rest;

import java.util.EnumSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.csv.StatCsv;
import dev.statcallouts.stats.service.StatService;

/** Every figure (all statuses) as a download, for the API and the editors' import/export page alike. */
@ApplicationScoped
public class StatExports {

    public static final String CSV = "text/csv";

    @Inject
    StatService stats;

    /** CSV in the import's columns. */
    public Response csv() {
        return download(StatCsv.document(all()), CSV + ";charset=utf-8", "stat-callouts.csv");
    }

    public Response json() {
        return download(all(), MediaType.APPLICATION_JSON, "stat-callouts.json");
    }

    private List<StatView> all() {
        return stats.all(EnumSet.allOf(StatStatus.class), null);
    }

    private static Response download(Object body, String type, String filename) {
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
