package dev.statcallouts.usage;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
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
            on conflict (stat_id, day, page) do update
               set views = embed_view.views + excluded.views,
                   last_seen = greatest(embed_view.last_seen, excluded.last_seen)
            """;

    @Inject
    EntityManager em;

    @Transactional
    public void write(List<EmbedViews.Count> counts) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (EmbedViews.Count count : counts) {
                    upsert.setDate(1, Date.valueOf(count.key().day()));
                    upsert.setString(2, count.key().site());
                    upsert.setString(3, count.key().page());
                    upsert.setLong(4, count.views());
                    upsert.setTimestamp(5, Timestamp.from(count.lastSeen()));
                    upsert.setString(6, count.key().slug());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }
}
