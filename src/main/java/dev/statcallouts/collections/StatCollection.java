package dev.statcallouts.collections;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.statcallouts.stats.Stat;
import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Several figures shown together as one strip or grid, in the editor's order. */
@Entity
@Table(name = "stat_collection")
public class StatCollection extends PanacheEntity {

    /** Draft collections are for editors; published ones are public. */
    public enum Status {
        DRAFT,
        PUBLISHED
    }

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 1000)
    public String description;

    /** The language of its title and description (BCP 47). */
    @Column(nullable = false, length = 35)
    public String locale = "en";

    /** Its title and description in other languages, by language ("ja"). */
    @ElementCollection
    @CollectionTable(name = "stat_collection_translation", joinColumns = @JoinColumn(name = "collection_id"))
    @MapKeyColumn(name = "lang", length = 35)
    public Map<String, CollectionTranslation> translations = new LinkedHashMap<>();

    /** Whether its title has words in this language: its own, or a translation. */
    public boolean speaks(String language) {
        return Locale.forLanguageTag(locale).getLanguage().equals(language) || translations.containsKey(language);
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @ManyToMany
    @JoinTable(
            name = "stat_collection_item",
            joinColumns = @JoinColumn(name = "collection_id"),
            inverseJoinColumns = @JoinColumn(name = "stat_id"))
    @OrderColumn(name = "position")
    public List<Stat> stats = new ArrayList<>();

    public static Optional<StatCollection> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<StatCollection> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * What a published collection's page is a function of, besides its options: the collection's
     * id and version, and its figures' in order.
     */
    public record PublicVersion(long id, int version, List<Stat.PublicVersion> figures) {

        public static PublicVersion of(StatCollection collection) {
            return new PublicVersion(
                    collection.id,
                    collection.version,
                    collection.stats.stream()
                            .map(stat -> new Stat.PublicVersion(stat.id, stat.version))
                            .toList());
        }
    }

    /** The published collection's version and its figures', in one query without loading them; empty for a draft or none. */
    public static Optional<PublicVersion> publicVersion(String slug) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select c.id, c.version, s.id, s.version from StatCollection c left join c.stats s"
                                + " where c.slug = ?1 and c.status = ?2 order by index(s)",
                        Object[].class)
                .setParameter(1, slug)
                .setParameter(2, Status.PUBLISHED)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Stat.PublicVersion> figures = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[2] != null) {
                figures.add(new Stat.PublicVersion((Long) row[2], (Integer) row[3]));
            }
        }
        return Optional.of(new PublicVersion((Long) rows.get(0)[0], (Integer) rows.get(0)[1], List.copyOf(figures)));
    }

    public static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }
}
