package dev.statcallouts.stats.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.FieldError;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.csv.Csv;
import dev.statcallouts.stats.csv.StatCsv;

/**
 * Imports figures from CSV: every row is checked by the API's own rules first, and nothing is
 * written unless every row is valid (one transaction for all of them).
 */
@ApplicationScoped
public class StatImportService {

    public static final int MAX_ROWS = 1000;

    /** A refused cell: CSV line number (the header is line 1), API field name, the CSV column it came from, message. */
    public record RowError(int row, String field, String column, String message) {}

    /** What an import did, or would do in a dry run. */
    public record ImportReport(boolean dryRun, int rows, List<RowError> errors, List<String> created) {

        /** How many rows have at least one problem (a row may have several). */
        public long badRows() {
            return errors.stream().map(RowError::row).distinct().count();
        }
    }

    /** An import refused because of its rows; carries the whole report. */
    public static class RowsRefused extends RuntimeException {
        public final ImportReport report;

        RowsRefused(ImportReport report) {
            super(report.errors().size() + " invalid rows", null, false, false);
            this.report = report;
        }
    }

    @Inject
    StatChecks checks;

    @Inject
    StatService stats;

    @Transactional
    public ImportReport importCsv(String text, boolean dryRun, String editor) {
        List<Csv.Row> records;
        try {
            records = Csv.parse(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.malformed("body", "is not valid CSV: " + e.getMessage());
        }
        if (records.size() < 2) {
            throw DomainException.invalid("body", "needs a header line and at least one row");
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw DomainException.invalid("body", "at most " + MAX_ROWS + " rows per import");
        }
        Csv.Row headerRow = records.get(0);
        List<String> header = headerRow.cells().stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        List<RowError> errors = new ArrayList<>();
        for (String column : header) {
            if (!StatCsv.HEADER.contains(column)) {
                errors.add(new RowError(
                        headerRow.line(),
                        column,
                        column,
                        "unknown column; expected " + String.join(",", StatCsv.HEADER)));
            }
        }
        List<StatInput> inputs = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        for (int i = 1; i < records.size(); i++) {
            int line = records.get(i).line();
            List<String> cells = records.get(i).cells();
            if (cells.size() > header.size()) {
                errors.add(new RowError(
                        line, "row", "row", "has " + cells.size() + " cells for " + header.size() + " columns"));
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            List<FieldError> unparsed = new ArrayList<>();
            StatInput input = StatCsv.input(row, unparsed);
            List<FieldError> rowErrors = new ArrayList<>(checks.errors(input, unparsed));
            if (input.slug() != null && (!slugs.add(input.slug()) || Stat.slugTaken(input.slug()))) {
                rowErrors.add(new FieldError("slug", "'" + input.slug() + "' is taken"));
            }
            rowErrors.forEach(
                    e -> errors.add(new RowError(line, e.field(), StatCsv.column(e.field(), row), e.message())));
            inputs.add(input);
        }
        int rows = records.size() - 1;
        if (!errors.isEmpty()) {
            throw new RowsRefused(new ImportReport(dryRun, rows, errors, List.of()));
        }
        if (dryRun) {
            return new ImportReport(true, rows, List.of(), List.of());
        }
        List<String> created = new ArrayList<>();
        for (StatInput input : inputs) {
            created.add(stats.create(input, editor, null).body().slug());
        }
        return new ImportReport(false, rows, List.of(), created);
    }
}
