package dev.statcallouts.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.statcallouts.auth.TokenRevoked;
import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.stats.StatChanged;

/**
 * Announces every change to all instances with PostgreSQL NOTIFY, inside the writing
 * transaction: PostgreSQL delivers it only if, and once, the transaction commits.
 */
@ApplicationScoped
public class ChangeNotifier {

    @Inject
    EntityManager em;

    void stat(@Observes StatChanged event) {
        notify(new Change('s', event.revision(), event.slug(), System.currentTimeMillis()));
    }

    void collection(@Observes CollectionChanged event) {
        notify(new Change('c', 0, event.slug(), System.currentTimeMillis()));
    }

    void token(@Observes TokenRevoked event) {
        notify(new Change(Change.TOKENS, 0, "tokens", System.currentTimeMillis()));
    }

    private void notify(Change change) {
        em.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, Change.CHANNEL)
                .setParameter(2, change.payload())
                .getSingleResult();
    }
}
