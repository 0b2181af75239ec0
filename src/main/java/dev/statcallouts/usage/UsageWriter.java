package dev.statcallouts.usage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/** Adds counted views to the database in one batched upsert. */
@ApplicationScoped
public class UsageWriter {

    private static final String UPSERT = """
            insert into embed_view (stat_id, day, site, page, views, last_seen)
            select s.id, ?, ?, ?, ?, ? from stat s where s.slug = ?
               and (exists (select 1 from embed_view e where e.stat_id = s.id and e.day = ? and e.page = ?)
                    or (select count(*) from embed_view e where e.stat_id = s.id and e.day = ?) < ?)
            on conflict (stat_id, day, page) do update
               set views = embed_view.views + excluded.views,
                   last_seen = greatest(embed_view.last_seen, excluded.last_seen)
            """;

    @Inject
    EntityManager em;

    /**
     * Adds the counts; a page new for its figure and day is only added while that day has fewer
     * than {@code maxPagesPerDay} pages (other instances count too).
     */
    @Transactional
    public void write(List<EmbedViews.Count> counts, int maxPagesPerDay) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (EmbedViews.Count count : counts) {
                    upsert.setDate(1, Date.valueOf(count.key().day()));
                    upsert.setString(2, count.key().site());
                    upsert.setString(3, count.key().page());
                    upsert.setLong(4, count.views());
                    upsert.setTimestamp(5, Timestamp.from(count.lastSeen()));
                    upsert.setString(6, count.key().slug());
                    upsert.setDate(7, Date.valueOf(count.key().day()));
                    upsert.setString(8, count.key().page());
                    upsert.setDate(9, Date.valueOf(count.key().day()));
                    upsert.setInt(10, maxPagesPerDay);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** Deletes the counts of days before {@code oldestKept}; returns how many rows went. */
    @Transactional
    public int purge(LocalDate oldestKept) {
        return em.createNativeQuery("delete from embed_view where day < ?1")
                .setParameter(1, Date.valueOf(oldestKept))
                .executeUpdate();
    }
}
