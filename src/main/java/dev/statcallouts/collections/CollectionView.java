package dev.statcallouts.collections;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.statcallouts.stats.StatView;

/** A collection with its figures as the API shows them (drafts left out for the public). */
public record CollectionView(
        String slug,
        String title,
        String description,
        String status,
        List<StatView> stats,
        Instant updatedAt,
        String locale,
        Map<String, CollectionWords> translations) {}
