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

    public static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }
}
