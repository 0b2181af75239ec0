package dev.statcallouts.collections.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.collections.CollectionInput;
import dev.statcallouts.collections.CollectionView;
import dev.statcallouts.collections.CollectionWords;
import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.service.StatViews;
import io.quarkus.panache.common.Sort;

/** The rules of collections: ordered, existing figures; drafts visible to editors only. */
@ApplicationScoped
public class CollectionService {

    @Inject
    EntityManager em;

    @Inject
    StatViews views;

    @Inject
    Event<CollectionChanged> changed;

    @Transactional
    public Page<CollectionView> list(boolean editor, int page, int size, Locale lang) {
        var query = editor
                ? StatCollection.<StatCollection>findAll(Sort.descending("updatedAt", "id"))
                : StatCollection.<StatCollection>find(
                        "status", Sort.descending("updatedAt", "id"), StatCollection.Status.PUBLISHED);
        List<CollectionView> items = query.page(page - 1, size).list().stream()
                .map(c -> view(c, editor, lang))
                .toList();
        return Page.of(items, page, size, query.count());
    }

    @Transactional
    public Versioned<CollectionView> get(String slug, boolean editor, Locale lang) {
        StatCollection collection = StatCollection.findBySlug(slug)
                .filter(c -> editor || c.status == StatCollection.Status.PUBLISHED)
                .orElseThrow(() -> notFound(slug));
        return new Versioned<>(view(collection, editor, lang), etag(collection));
    }

    @Transactional
    public Versioned<CollectionView> create(CollectionInput input, String editor, Locale lang) {
        String slug = input.slug() != null
                ? input.slug()
                : Slugs.unique(input.title(), "collection", StatCollection::slugTaken);
        if (StatCollection.slugTaken(slug)) {
            throw DomainException.conflict("slug", "A collection with slug '" + slug + "' already exists.");
        }
        StatCollection collection = new StatCollection();
        collection.slug = slug;
        collection.createdAt = Instant.now();
        apply(collection, input, input.status() == null ? StatCollection.Status.DRAFT : status(input.status()), editor);
        collection.persist();
        em.flush();
        return new Versioned<>(view(collection, true, lang), etag(collection));
    }

    @Transactional
    public Versioned<CollectionView> update(
            String slug, CollectionInput input, ExpectedVersion expected, String editor, Locale lang) {
        StatCollection collection = StatCollection.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        expected.check(etag(collection));
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw DomainException.invalid("slug", "cannot change; it is part of every embed of this collection");
        }
        apply(collection, input, input.status() == null ? collection.status : status(input.status()), editor);
        em.flush();
        return new Versioned<>(view(collection, true, lang), etag(collection));
    }

    @Transactional
    public void delete(String slug, ExpectedVersion expected) {
        StatCollection collection = StatCollection.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        expected.check(etag(collection));
        collection.delete();
        changed.fire(new CollectionChanged(slug));
    }

    /**
     * Changes with the collection and with every figure in it, so a cached collection is
     * revalidated when one of its figures is corrected.
     */
    static String etag(StatCollection collection) {
        StringBuilder members = new StringBuilder();
        collection.stats.forEach(
                s -> members.append(s.id).append(':').append(s.version).append(','));
        return "c" + collection.id + "." + collection.version + "."
                + Integer.toHexString(members.toString().hashCode());
    }

    private CollectionView view(StatCollection collection, boolean editor, Locale lang) {
        return new CollectionView(
                collection.slug,
                collection.title,
                collection.description,
                collection.status.name().toLowerCase(Locale.ROOT),
                collection.stats.stream()
                        .filter(s -> editor || s.isPublic())
                        .map(s -> views.view(s, lang))
                        .toList(),
                collection.updatedAt,
                collection.locale,
                words(collection));
    }

    private void apply(StatCollection collection, CollectionInput input, StatCollection.Status status, String editor) {
        List<Stat> stats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.stats().size(); i++) {
            String slug = input.stats().get(i);
            if (!seen.add(slug)) {
                throw DomainException.invalid("stats[" + i + "]", "'" + slug + "' is listed twice");
            }
            int index = i;
            stats.add(Stat.findBySlug(slug)
                    .orElseThrow(() ->
                            DomainException.invalid("stats[" + index + "]", "no figure with slug '" + slug + "'")));
        }
        String description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().strip();
        String locale = input.locale() == null
                ? collection.locale
                : Locale.forLanguageTag(input.locale().strip()).toLanguageTag();
        Map<String, CollectionWords> translations = words(collection);
        if (input.translations() != null) {
            translations = new TreeMap<>();
            for (Map.Entry<String, CollectionWords> entry : input.translations().entrySet()) {
                CollectionWords words = entry.getValue();
                translations.put(
                        Languages.translationKey(entry.getKey(), locale), CollectionWords.of(words.toEntity()));
            }
        }
        // Words in the collection's own (perhaps new) language would be a second original.
        translations.remove(Locale.forLanguageTag(locale).getLanguage());
        boolean differs = !collection.stats.equals(stats)
                || !input.title().strip().equals(collection.title)
                || !Objects.equals(description, collection.description)
                || status != collection.status
                || !locale.equals(collection.locale)
                || !translations.equals(words(collection));
        if (!differs) {
            return;
        }
        if (!collection.stats.equals(stats)) {
            collection.stats.clear();
            collection.stats.addAll(stats);
        }
        collection.title = input.title().strip();
        collection.description = description;
        collection.locale = locale;
        if (!translations.equals(words(collection))) {
            collection.translations.clear();
            translations.forEach((lang, words) -> collection.translations.put(lang, words.toEntity()));
        }
        collection.status = status;
        collection.updatedAt = Instant.now();
        collection.updatedBy = editor;
        changed.fire(new CollectionChanged(collection.slug));
    }

    /** A collection's translations, in language order. */
    private static Map<String, CollectionWords> words(StatCollection collection) {
        Map<String, CollectionWords> words = new TreeMap<>();
        collection.translations.forEach((lang, t) -> words.put(lang, CollectionWords.of(t)));
        return words;
    }

    private static StatCollection.Status status(String status) {
        return StatCollection.Status.valueOf(status.toUpperCase(Locale.ROOT));
    }

    private static DomainException.NotFound notFound(String slug) {
        return DomainException.notFound("No collection with slug '" + slug + "'.");
    }
}
