package dev.statcallouts.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A headline figure: its exact value, how to show it, what it says and where it comes from. */
@Entity
@Table(name = "stat")
public class Stat extends PanacheEntity {

    @Column(nullable = false, unique = true, length = 80)
    public String slug;

    /** Exact decimal; PostgreSQL {@code numeric} keeps every digit the editor typed. */
    @Column(nullable = false)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(name = "display_kind", nullable = false)
    public DisplayKind displayKind;

    @Column(length = 3)
    public String currency;

    @Column(length = 32)
    public String unit;

    @Column(length = 4)
    public String qualifier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Notation notation;

    @Column(name = "display_override", length = 64)
    public String displayOverride;

    /** Null: the site's default. */
    @Enumerated(EnumType.STRING)
    @Column(name = "currency_style")
    public CurrencyStyle currencyStyle;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trend trend = Trend.NONE;

    @Column(nullable = false, length = 200)
    public String label;

    @Column(length = 1000)
    public String context;

    @Column(name = "as_of")
    public LocalDate asOf;

    /** How precise {@link #asOf} is; a month, quarter or year is stored as its first day. */
    @Enumerated(EnumType.STRING)
    @Column(name = "as_of_precision", nullable = false)
    public AsOfPrecision asOfPrecision = AsOfPrecision.DAY;

    @Column(nullable = false, length = 35)
    public String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StatStatus status;

    @Column(name = "retraction_reason", length = 500)
    public String retractionReason;

    /** Number of the latest revision. */
    @Column(nullable = false)
    public int revision;

    @Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** When readers were last told of a change (a correction or an update); null if never. */
    @Column(name = "changed_at")
    public Instant changedAt;

    /** What that change was: "Corrected <date>" or "Updated <date>" on the card. */
    @Enumerated(EnumType.STRING)
    @Column(name = "last_change")
    public ChangeKind lastChange;

    /** When the figure was first published; null while readers have never seen it. */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** Label, context
     * and source names: what the full-text index is built from. */
    @Column(name = "search_text", nullable = false)
    public String searchText = "";

    @ElementCollection
    @CollectionTable(name = "stat_source", joinColumns = @JoinColumn(name = "stat_id"))
    @OrderColumn(name = "position")
    public List<StatSource> sources = new ArrayList<>();

    /** The figure's words in other languages than its own, by language tag ("ja"). */
    @ElementCollection
    @CollectionTable(name = "stat_translation", joinColumns = @JoinColumn(name = "stat_id"))
    @MapKeyColumn(name = "lang", length = 35)
    public Map<String, StatTranslation> translations = new LinkedHashMap<>();

    @ElementCollection
    @CollectionTable(name = "stat_tag", joinColumns = @JoinColumn(name = "stat_id"))
    @Column(name = "tag", nullable = false, length = 40)
    public Set<String> tags = new LinkedHashSet<>();

    public static Optional<Stat> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * The figure with its sources, tags and translations in one query, for reading only (a card,
     * a page, a view): Hibernate keeps no copy of it to compare at commit.
     */
    public static Optional<Stat> findBySlugWithDetails(String slug) {
        return find(
                        "from Stat s left join fetch s.sources left join fetch s.tags left join fetch s.translations"
                                + " where s.slug = ?1",
                        slug)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .singleResultOptional();
    }

    /**
     * A published figure's identity and version: what its pages are a function of, with their language
     * ({@code PublicVersions} asks PostgreSQL for it).
     */
    public record PublicVersion(Long id, int version) {}

    /** The figure, locked until the transaction ends, so concurrent writers queue up behind it. */
    public static Optional<Stat> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    public boolean isPublic() {
        return status != StatStatus.DRAFT;
    }
}
