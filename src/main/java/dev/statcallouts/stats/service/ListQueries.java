package dev.statcallouts.stats.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.statcallouts.stats.format.TypedNumber;

/**
 * The SQL of one page of a list of figures: the page's ids, versions and statuses, in its order,
 * and the count of every figure the list holds. The first page (most reads) counts them in the
 * same round trip ({@code count(*) over ()} is taken before the limit); a later page asks for the
 * count first, so that a page past the last (crawlers and scripts walk them) asks for nothing more.
 *
 * @param ids the page's query: id, version and status, and on the first page the count
 * @param idValues its values, in the order of its question marks
 * @param count the count's query for a later page; null on the first, whose ids query counts
 * @param countValues its values
 * @param offset how many figures come before the page
 */
record ListQueries(String ids, List<Object> idValues, String count, List<Object> countValues, long offset) {

    static ListQueries of(StatQuery query) {
        // Each condition with its values in the order of its question marks.
        StringBuilder where = new StringBuilder(" where s.status = any(?)");
        List<Object> values = new ArrayList<>();
        values.add(query.statuses().stream().map(Enum::name).toArray(String[]::new));
        if (!query.tags().isEmpty()) {
            // Every tag asked for: a figure with all of them.
            where.append(" and (select count(*) from stat_tag t where t.stat_id = s.id and t.tag = any(?)) = ?");
            values.add(query.tags().toArray(String[]::new));
            values.add((long) query.tags().size());
        }
        if (query.text() != null) {
            // Words (full text), part of a slug, or a value as editors type it ("920 billion", "65%").
            BigDecimal number =
                    TypedNumber.read(query.text(), Locale.ENGLISH) instanceof TypedNumber.Understood understood
                            ? understood.value()
                            : null;
            where.append(" and (s.search @@ (websearch_to_tsquery('english', ?) || websearch_to_tsquery('simple', ?))"
                    + " or s.slug like ? escape '\\'"
                    + (number == null ? "" : " or s.value = ?")
                    + ")");
            values.add(query.text());
            values.add(query.text());
            values.add("%" + query.text().toLowerCase(Locale.ROOT).replaceAll("([\\\\%_])", "\\\\$1") + "%");
            if (number != null) {
                values.add(number);
            }
        }
        if (query.lacks() != null) {
            // Neither written in that language nor translated into it.
            where.append(" and lower(split_part(s.locale, '-', 1)) <> ?"
                    + " and not exists (select 1 from stat_translation tr where tr.stat_id = s.id and tr.lang = ?)");
            values.add(query.lacks());
            values.add(query.lacks());
        }
        long offset = (long) (query.page() - 1) * query.size();
        boolean first = offset == 0;
        List<Object> idValues = new ArrayList<>(values);
        idValues.add(query.size());
        idValues.add(offset);
        return new ListQueries(
                "select s.id, s.version, s.status" + (first ? ", count(*) over ()" : "") + " from stat s" + where
                        + " order by " + orderBy(query) + " limit ? offset ?",
                List.copyOf(idValues),
                first ? null : "select count(*) from stat s" + where,
                first ? null : List.copyOf(values),
                offset);
    }

    /** Whether the page's ids query counts the list as well (the first page). */
    boolean counted() {
        return count == null;
    }

    /** A statement for {@code sql} with {@code values} bound, arrays as PostgreSQL text arrays. */
    static PreparedStatement prepare(Connection connection, String sql, List<Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, values.get(i));
                }
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The ORDER BY of a list: its column, then the newest change, so that pages never overlap. */
    private static String orderBy(StatQuery query) {
        String direction = query.ascending() ? " asc" : " desc";
        String column = switch (query.order()) {
            case UPDATED -> "s.updated_at";
            case CREATED -> "s.created_at";
            case SLUG -> "s.slug";
            case AS_OF -> "s.as_of";
            case SOURCE ->
                "(select lower(src.name) from stat_source src where src.stat_id = s.id and src.position = 0)";
            case USED ->
                "(select count(distinct v.page) from embed_view v where v.stat_id = s.id"
                        + " and v.day > current_date - 30)";
        };
        return column + direction + " nulls last, s.updated_at desc, s.id desc";
    }
}
