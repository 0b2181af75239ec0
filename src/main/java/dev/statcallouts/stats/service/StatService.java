package dev.statcallouts.stats.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Hashes;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.stats.AsOfPrecision;
import dev.statcallouts.stats.ChangeKind;
import dev.statcallouts.stats.CurrencyStyle;
import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.Qualifier;
import dev.statcallouts.stats.RevisionSummary;
import dev.statcallouts.stats.RevisionView;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatChanged;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatRevision;
import dev.statcallouts.stats.StatSnapshot;
import dev.statcallouts.stats.StatSource;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.TranslationSpec;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;

/**
 * The rules of figures: who sees what, how a save becomes a numbered revision, and how
 * concurrent editors are kept from overwriting each other.
 */
@ApplicationScoped
public class StatService {

    public static final String DEFAULT_LOCALE = "en";

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StatViews views;

    @Inject
    PublishedViews publishedViews;

    @Inject
    PublicVersions publicVersions;

    @Inject
    Event<StatChanged> changed;

    @Inject
    Event<CollectionChanged> collectionChanged;

    /** Reads only, without a transaction (Hibernate's session lives for the request), as the permalink pages do. */
    public Page<StatView> list(StatQuery query, Locale lang) {
        return listVersioned(query, lang).body();
    }

    /**
     * A page of figures with an entity tag made of what it shows rather than of its JSON: a view is
     * a function of its figure's version and language (as for one figure's tag, {@link #etag(Stat)}),
     * so the page's place, its total, its language and each figure's id and version name its state,
     * and a read that goes to the database does not write the page a second time to hash it.
     */
    public Versioned<Page<StatView>> listVersioned(StatQuery query, Locale lang) {
        ListQueries queries = ListQueries.of(query);
        // Plain JDBC on the pool's connection rather than a Hibernate native query: this is the one
        // query of a token holder's page, and Hibernate planned a native query anew on each call
        // (measured: the page answered 16-24 % more requests a second without it).
        long total;
        List<Listed> listed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (queries.counted()) {
                total = readIds(connection, queries, listed, lang);
            } else {
                try (PreparedStatement count = ListQueries.prepare(connection, queries.count(), queries.countValues());
                        ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
                if (queries.offset() < total) {
                    readIds(connection, queries, listed, lang);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        List<Long> toLoad = listed.stream()
                .filter(figure -> figure.view() == null)
                .map(Listed::id)
                .toList();
        Map<Long, Stat> byId = toLoad.isEmpty()
                ? Map.of()
                : Stat.<Stat>list("id in ?1", toLoad).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<StatView> page = new ArrayList<>(listed.size());
        StringBuilder state = new StringBuilder()
                .append(query.page())
                .append(' ')
                .append(query.size())
                .append(' ')
                .append(total)
                .append(' ')
                .append(lang == null ? "-" : lang.toLanguageTag());
        for (Listed figure : listed) {
            if (figure.view() != null) {
                page.add(figure.view());
                state.append(' ').append(etag(figure.id(), figure.version()));
            } else if (byId.containsKey(figure.id())) { // else deleted since the page's ids were read
                Stat stat = byId.get(figure.id());
                page.add(viewKept(stat, lang));
                state.append(' ').append(etag(stat));
            }
        }
        return new Versioned<>(
                Page.of(page, query.page(), query.size(), total),
                Hashes.etag(state.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A figure of a page as its ids query read it: its view if one was made for its version already. */
    private record Listed(long id, int version, StatView view) {}

    /**
     * Reads a page's ids into {@code listed}, in the page's order: each figure's id and version, with a
     * published figure's view as made for its version already, or null for a figure to load. Returns
     * the list's count when the query holds it (the first page), else 0.
     */
    private long readIds(Connection connection, ListQueries queries, List<Listed> listed, Locale lang)
            throws SQLException {
        long total = 0;
        try (PreparedStatement statement = ListQueries.prepare(connection, queries.ids(), queries.idValues());
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                int version = rows.getInt(2);
                total = queries.counted() ? rows.getLong(4) : total;
                listed.add(new Listed(
                        id,
                        version,
                        StatStatus.DRAFT.name().equals(rows.getString(3))
                                ? null
                                : publishedViews.get(new Stat.PublicVersion(id, version), lang)));
            }
        }
        return total;
    }

    /** Every figure with one of these statuses, most recently updated first (for exports). */
    @Transactional
    public List<StatView> all(Set<StatStatus> statuses, Locale lang) {
        return Stat.<Stat>list("status in ?1", Sort.descending("updatedAt", "id"), statuses).stream()
                .map(s -> views.view(s, lang))
                .toList();
    }

    /**
     * The figure's view: a published one as made already for its version (asking the database only
     * for that), a draft (editors only) as read now. Reads only, without a transaction (Hibernate's
     * session lives for the request), as the permalink pages do.
     */
    public Versioned<StatView> get(String slug, Locale lang, boolean editor) {
        Optional<Stat.PublicVersion> published = publicVersions.of(slug);
        if (published.isPresent()) {
            StatView kept = publishedViews.get(published.get(), lang);
            if (kept != null) {
                return new Versioned<>(
                        kept, etag(published.get().id(), published.get().version()));
            }
        }
        // A view names every source, tag and translation: one query, not one per collection.
        Stat stat = visible(Stat.findBySlugWithDetails(slug), slug, editor);
        return new Versioned<>(viewKept(stat, lang), etag(stat));
    }

    /**
     * The figure's view, made now; a published one's is kept under the version it was read at,
     * which a change since the question for its version may have moved on.
     */
    private StatView viewKept(Stat stat, Locale lang) {
        StatView view = views.view(stat, lang);
        if (stat.isPublic()) {
            publishedViews.keep(new Stat.PublicVersion(stat.id, stat.version), lang, view);
        }
        return view;
    }

    @Transactional
    public Versioned<StatView> create(StatInput input, String editor, Locale lang) {
        String slug = input.slug() != null ? input.slug() : Slugs.unique(input.label(), "figure", Stat::slugTaken);
        if (Stat.slugTaken(slug)) {
            throw DomainException.conflict("slug", "A figure with slug '" + slug + "' already exists.");
        }
        Stat stat = new Stat();
        stat.slug = slug;
        stat.createdAt = Instant.now();
        apply(stat, input, input.status() == null ? StatStatus.DRAFT : status(input.status()));
        stat.retractionReason = null;
        stat.revision = 0;
        stat.updatedAt = stat.createdAt;
        if (stat.isPublic()) {
            stat.publishedAt = stat.createdAt;
        }
        stat.persist();
        writeRevision(
                stat,
                editor,
                input.note(),
                null,
                Boolean.TRUE.equals(input.notePublic()),
                stat.isPublic() ? StatChanged.What.PUBLISHED : StatChanged.What.DRAFT_SAVED);
        em.flush();
        return new Versioned<>(views.view(stat, lang), etag(stat));
    }

    @Transactional
    public Versioned<StatView> update(
            String slug, StatInput input, ExpectedVersion expected, String editor, Locale lang) {
        Stat stat = Stat.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        expected.check(etag(stat));
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw DomainException.invalid("slug", "cannot change; it is part of every embed of this figure");
        }
        StatSnapshot before = StatSnapshot.of(stat);
        StatStatus wasStatus = stat.status;
        StatStatus status = input.status() == null ? stat.status : status(input.status());
        apply(stat, input, status);
        if (status != StatStatus.RETRACTED) {
            stat.retractionReason = null;
        }
        StatSnapshot after = StatSnapshot.of(stat);
        if (!after.equals(before)) {
            // Readers only saw the figure once it was published: a never-public draft has no corrections.
            ChangeKind kind = stat.publishedAt == null
                    ? null
                    : changeKind(
                            input.change(), after.meaningDifference(before), after.readerVisibleDifference(before));
            if (kind != null && kind.announced()) {
                stat.changedAt = Instant.now();
                stat.lastChange = kind;
            }
            if (stat.publishedAt == null && stat.isPublic()) {
                stat.publishedAt = Instant.now();
            }
            writeRevision(
                    stat,
                    editor,
                    input.note(),
                    kind,
                    Boolean.TRUE.equals(input.notePublic()),
                    what(wasStatus, status, kind));
        }
        em.flush();
        return new Versioned<>(views.view(stat, lang), etag(stat));
    }

    @Transactional
    public Versioned<StatView> retract(
            String slug, String reason, ExpectedVersion expected, String editor, Locale lang) {
        Stat stat = Stat.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        expected.check(etag(stat));
        if (stat.status == StatStatus.DRAFT) {
            // Retracting would make the draft public, as retracted, with everything in it.
            throw DomainException.conflict(
                    stat.publishedAt == null
                            ? "Figure '" + slug + "' is a draft that was never published: there is nothing to retract. "
                                    + "Delete it instead (DELETE /api/stats/" + slug + "), or keep it as a draft."
                            : "Figure '" + slug + "' is a draft now and readers do not see it. Publish it again "
                                    + "before retracting it, or keep it as a draft.");
        }
        String cleaned = reason.strip();
        if (stat.status != StatStatus.RETRACTED || !cleaned.equals(stat.retractionReason)) {
            stat.status = StatStatus.RETRACTED;
            stat.retractionReason = cleaned;
            // The reason is on the card already: its note is public.
            writeRevision(
                    stat,
                    editor,
                    abbreviated("Retracted: " + cleaned, NOTE_LENGTH),
                    null,
                    true,
                    StatChanged.What.RETRACTED);
        }
        em.flush();
        return new Versioned<>(views.view(stat, lang), etag(stat));
    }

    /**
     * A figure's history, newest first. The public sees what the permalink page shows: the
     * revisions readers could have seen (none saved as a draft), without who saved them.
     */
    @Transactional
    public Versioned<List<RevisionSummary>> revisions(String slug, boolean editor) {
        Stat stat = visible(slug, editor);
        List<RevisionSummary> list = StatRevision.listFor(stat).stream()
                .filter(r -> editor || r.announced())
                .map(r -> new RevisionSummary(
                        r.number,
                        editor ? r.editor : null,
                        r.createdAt,
                        editor ? r.note : r.publicNote(),
                        editor ? r.notePublic : null,
                        r.change == null ? null : r.change.id(),
                        r.snapshot.status(),
                        views.formatted(r.snapshot, Locale.forLanguageTag(r.snapshot.locale()))))
                .toList();
        return new Versioned<>(list, etag(stat));
    }

    /** One revision in full; to the public only one readers could have seen, without its editor. */
    @Transactional
    public Versioned<RevisionView> revision(String slug, int number, Locale lang, boolean editor) {
        Stat stat = visible(slug, editor);
        StatRevision revision = StatRevision.findFor(stat, number)
                .filter(r -> editor || r.isPublic())
                .orElseThrow(() -> DomainException.notFound(
                        "Figure '" + slug + "' has no " + (editor ? "" : "public ") + "revision " + number + "."));
        Locale locale = lang != null ? lang : Locale.forLanguageTag(revision.snapshot.locale());
        return new Versioned<>(
                new RevisionView(
                        revision.number,
                        editor ? revision.editor : null,
                        revision.createdAt,
                        editor ? revision.note : revision.publicNote(),
                        revision.change == null ? null : revision.change.id(),
                        views.formatted(revision.snapshot, locale),
                        revision.snapshot),
                stat.id + ".r" + number + (editor ? "e" : ""));
    }

    /**
     * Deletes a figure that readers never saw, with its whole history: an admin may, and the
     * editor who created it. A figure that was ever public can only be retracted.
     */
    @Transactional
    public void deleteDraft(String slug, ExpectedVersion expected, String editor, boolean admin) {
        Stat stat = Stat.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        expected.check(etag(stat));
        if (stat.publishedAt != null) {
            throw DomainException.conflict("Figure '" + slug + "' was published, so articles may show it: it cannot be "
                    + "deleted. Retract it instead (POST /api/stats/" + slug + "/retraction with a reason).");
        }
        String author = StatRevision.findFor(stat, 1).map(r -> r.editor).orElse(null);
        if (!admin && !editor.equals(author)) {
            throw DomainException.notAllowed("Only an admin or the editor who created this draft may delete it.");
        }
        @SuppressWarnings("unchecked")
        List<String> collections =
                em.createNativeQuery("""
                select distinct c.slug from stat_collection c join stat_collection_item i on i.collection_id = c.id
                where i.stat_id = ?1""", String.class).setParameter(1, stat.id).getResultList();
        em.createNativeQuery("delete from stat_collection_item where stat_id = ?1")
                .setParameter(1, stat.id)
                .executeUpdate();
        StatRevision.delete("stat", stat);
        stat.delete();
        em.flush();
        changed.fire(new StatChanged(slug, 0, StatChanged.What.DELETED));
        collections.forEach(c -> collectionChanged.fire(new CollectionChanged(c)));
        Log.infof("Draft '%s' deleted by '%s'", slug, editor);
    }

    /** A revision with what it changed against the one before it. */
    public record HistoryEntry(
            int number,
            String editor,
            Instant createdAt,
            String note,
            boolean notePublic,
            ChangeKind change,
            String status,
            String formatted,
            List<RevisionChanges.FieldChange> changes) {}

    /** Every revision, newest first, each with its changes old → new per field. */
    @Transactional
    public Versioned<List<HistoryEntry>> history(String slug) {
        Stat stat = visible(slug, true);
        List<StatRevision> revisions = StatRevision.listFor(stat);
        List<HistoryEntry> history = new ArrayList<>();
        StatSnapshot previous = null;
        for (StatRevision r : revisions.stream()
                .sorted(Comparator.comparingInt(r -> r.number))
                .toList()) {
            history.add(
                    0,
                    new HistoryEntry(
                            r.number,
                            r.editor,
                            r.createdAt,
                            r.note,
                            r.notePublic,
                            r.change,
                            r.snapshot.status(),
                            views.formatted(r.snapshot, Locale.forLanguageTag(r.snapshot.locale())),
                            RevisionChanges.between(previous, r.snapshot)));
            previous = r.snapshot;
        }
        return new Versioned<>(history, etag(stat));
    }

    /**
     * What others saved after revision {@code base}: the latest of those revisions (its editor, time
     * and number), every field they changed (oldest change first) and the figure's current ETag.
     */
    public record ChangesSince(
            String editor, Instant at, int revision, List<RevisionChanges.FieldChange> changes, String etag) {}

    /** The changes saved since an editor opened revision {@code base} of a figure. */
    @Transactional
    public ChangesSince changesSince(String slug, int base) {
        Versioned<List<HistoryEntry>> history = history(slug);
        HistoryEntry latest = history.body().get(0);
        List<RevisionChanges.FieldChange> changes = new ArrayList<>();
        history.body().stream().filter(h -> h.number() > base).forEach(h -> changes.addAll(0, h.changes()));
        return new ChangesSince(latest.editor(), latest.createdAt(), latest.number(), changes, history.etag());
    }

    /**
     * Saves an old revision's content, and its draft or published status, as a new revision.
     * A retraction is never restored this way: restoring a retracted revision keeps today's status.
     */
    @Transactional
    public Versioned<StatView> restore(String slug, int number, ExpectedVersion expected, String editor, Locale lang) {
        Stat stat = Stat.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        StatRevision revision = StatRevision.findFor(stat, number)
                .orElseThrow(() -> DomainException.notFound("Figure '" + slug + "' has no revision " + number + "."));
        StatSnapshot old = revision.snapshot;
        // Going back to an earlier value says the later one was wrong.
        String kind = stat.publishedAt != null && old.meaningDifference(StatSnapshot.of(stat))
                ? ChangeKind.CORRECTION.id()
                : null;
        String status = StatStatus.RETRACTED.name().equalsIgnoreCase(old.status())
                ? stat.status.name().toLowerCase(Locale.ROOT)
                : old.status();
        return update(slug, input(slug, old, status, "Restored revision " + number, kind), expected, editor, lang);
    }

    /** A figure as it is now, in the shape of the input that would save it as it is (a merge patch's base). */
    @Transactional
    public Versioned<StatInput> asInput(String slug) {
        Stat stat = Stat.findBySlug(slug).orElseThrow(() -> notFound(slug));
        StatSnapshot now = StatSnapshot.of(stat);
        return new Versioned<>(input(slug, now, stat.status.name().toLowerCase(Locale.ROOT), null, null), etag(stat));
    }

    private static StatInput input(String slug, StatSnapshot snapshot, String status, String note, String change) {
        return new StatInput(
                slug,
                snapshot.value(),
                snapshot.display(),
                snapshot.label(),
                snapshot.context(),
                snapshot.asOf(),
                snapshot.asOfPrecision(),
                snapshot.locale(),
                snapshot.sources(),
                snapshot.tags(),
                status,
                note,
                change,
                false,
                snapshot.translations());
    }

    /**
     * The figure an input describes, built but never saved: what a preview renders. It is not
     * attached to the persistence context, so nothing about it is written. As on a save, an
     * input without a status keeps the saved figure's (a retraction and its reason included).
     */
    @Transactional
    public Stat unsaved(StatInput input, String slug) {
        Stat stat = new Stat();
        stat.slug = slug;
        Optional<Stat> saved = input.status() == null ? Stat.findBySlug(slug) : Optional.empty();
        apply(
                stat,
                input,
                input.status() != null
                        ? status(input.status())
                        : saved.map(s -> s.status).orElse(StatStatus.DRAFT));
        stat.retractionReason = saved.filter(s -> s.status == StatStatus.RETRACTED)
                .map(s -> s.retractionReason)
                .orElse(null);
        stat.createdAt = Instant.now();
        stat.updatedAt = stat.createdAt;
        return stat;
    }

    /** The ETag of a figure's current state: it changes with every write. */
    public static String etag(Stat stat) {
        return etag(stat.id, stat.version);
    }

    private static String etag(long id, int version) {
        return id + "." + version;
    }

    private static Stat visible(String slug, boolean editor) {
        return visible(Stat.findBySlug(slug), slug, editor);
    }

    private static Stat visible(Optional<Stat> found, String slug, boolean editor) {
        return found.filter(s -> editor || s.isPublic()).orElseThrow(() -> notFound(slug));
    }

    private static DomainException.NotFound notFound(String slug) {
        return DomainException.notFound("No figure with slug '" + slug + "'.");
    }

    private static StatStatus status(String status) {
        return StatStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }

    /** Copies an editor's input onto the entity, normalised so that equal meaning gives equal snapshots. */
    private static void apply(Stat stat, StatInput input, StatStatus status) {
        BigDecimal value = input.value().stripTrailingZeros();
        stat.value = value.scale() < 0 ? value.setScale(0) : value;
        DisplaySpec display = input.display();
        stat.displayKind = display.displayKind();
        stat.currency = blankToNull(display.currency()) == null
                ? null
                : display.currency().strip().toUpperCase(Locale.ROOT);
        stat.unit = blankToNull(display.unit());
        stat.qualifier = blankToNull(display.qualifier()) == null
                ? null
                : Qualifier.ofSymbol(display.qualifier().strip())
                        .map(q -> q.symbol)
                        .orElseThrow();
        stat.notation = display.notationOrDefault();
        stat.displayOverride = blankToNull(display.override());
        stat.currencyStyle = display.currencyStyle() == null ? null : CurrencyStyle.parse(display.currencyStyle());
        stat.trend = display.trendOrNone();
        stat.label = input.label().strip();
        stat.context = blankToNull(input.context());
        AsOfPrecision precision = input.asOf() == null ? AsOfPrecision.DAY : AsOfPrecision.parse(input.asOfPrecision());
        stat.asOfPrecision = precision;
        stat.asOf = input.asOf() == null ? null : precision.start(input.asOf());
        stat.locale = input.locale() == null
                ? DEFAULT_LOCALE
                : Locale.forLanguageTag(input.locale().strip()).toLanguageTag();
        List<StatSource> sources =
                input.sources().stream().map(SourceSpec::toEntity).toList();
        if (!sameSources(stat.sources, sources)) {
            stat.sources.clear();
            stat.sources.addAll(sources);
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        if (input.tags() != null) {
            input.tags().forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
        }
        if (!stat.tags.equals(tags)) {
            stat.tags.clear();
            stat.tags.addAll(tags);
        }
        if (input.translations() != null) {
            Map<String, TranslationSpec> next = new TreeMap<>();
            input.translations()
                    .forEach((lang, words) -> next.put(
                            Languages.translationKey(lang, stat.locale), TranslationSpec.of(words.toEntity())));
            // Rewritten only when they differ: an unchanged figure must stay unchanged (no new version).
            if (!next.equals(StatSnapshot.translations(stat))) {
                stat.translations.clear();
                next.forEach((lang, words) -> stat.translations.put(lang, words.toEntity()));
            }
        } else {
            // Kept as they are; one for the figure's own (perhaps new) language would be a second original.
            stat.translations.remove(Locale.forLanguageTag(stat.locale).getLanguage());
        }
        stat.status = status;
        List<String> searchable = new ArrayList<>();
        searchable.add(stat.label);
        if (stat.context != null) {
            searchable.add(stat.context);
        }
        stat.sources.forEach(s -> searchable.add(s.name));
        stat.translations.values().forEach(t -> {
            searchable.add(t.label);
            if (t.context != null) {
                searchable.add(t.context);
            }
        });
        stat.searchText = String.join(" ", searchable);
    }

    private static boolean sameSources(List<StatSource> current, List<StatSource> next) {
        return current.stream()
                .map(SourceSpec::of)
                .toList()
                .equals(next.stream().map(SourceSpec::of).toList());
    }

    /**
     * What a save of a published figure is. The editor says; a changed value, display or as-of
     * must be called a correction or an update, and only such a change can be an update.
     */
    private static ChangeKind changeKind(String requested, boolean meaning, boolean visible) {
        ChangeKind kind = requested == null ? null : ChangeKind.parse(requested);
        if (meaning && kind == null) {
            throw DomainException.invalid(
                    "change",
                    "the figure's value, display or as-of date changed: say whether this is a correction"
                            + " (it was wrong) or an update (new data)");
        }
        if (meaning && kind == ChangeKind.EDIT) {
            throw DomainException.invalid(
                    "change",
                    "an edit keeps the figure's meaning, but its value, display or as-of date changed:"
                            + " choose correction or update");
        }
        if (!meaning && kind == ChangeKind.UPDATE) {
            throw DomainException.invalid(
                    "change",
                    "an update brings new data: change the value or its as-of date, or choose correction or edit");
        }
        if (!visible && kind == ChangeKind.CORRECTION) {
            // Tags and status are not what readers read: nothing was corrected.
            return ChangeKind.EDIT;
        }
        return kind == null ? ChangeKind.EDIT : kind;
    }

    /** What a saved change of status and kind is to those outside. */
    private static StatChanged.What what(StatStatus before, StatStatus after, ChangeKind kind) {
        if (after == StatStatus.DRAFT) {
            return before == StatStatus.DRAFT ? StatChanged.What.DRAFT_SAVED : StatChanged.What.UNPUBLISHED;
        }
        if (after == StatStatus.RETRACTED && before != StatStatus.RETRACTED) {
            return StatChanged.What.RETRACTED;
        }
        if (before == StatStatus.DRAFT) {
            return StatChanged.What.PUBLISHED;
        }
        if (kind == ChangeKind.CORRECTION) {
            return StatChanged.What.CORRECTED;
        }
        return kind == ChangeKind.UPDATE ? StatChanged.What.UPDATED : StatChanged.What.EDITED;
    }

    private void writeRevision(
            Stat stat, String editor, String note, ChangeKind kind, boolean notePublic, StatChanged.What what) {
        stat.revision++;
        changed.fire(new StatChanged(stat.slug, stat.revision, what));
        stat.updatedAt = Instant.now();
        StatRevision revision = new StatRevision();
        revision.stat = stat;
        revision.number = stat.revision;
        revision.editor = editor;
        revision.createdAt = stat.updatedAt;
        revision.note = blankToNull(note);
        revision.change = kind;
        revision.notePublic = notePublic && revision.note != null;
        revision.snapshot = StatSnapshot.of(stat);
        revision.persist();
    }

    /** The column's length: a note made of longer text (a retraction reason) is cut with an ellipsis. */
    private static final int NOTE_LENGTH = 500;

    private static String abbreviated(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
