package dev.statcallouts.webhooks;

import java.util.Arrays;
import java.util.Optional;

import dev.statcallouts.stats.StatChanged;

/** The events an endpoint can subscribe to, named as they are sent ({@code type} of the payload). */
public enum WebhookEventType {
    STAT_PUBLISHED("stat.published"),
    STAT_UPDATED("stat.updated"),
    STAT_CORRECTED("stat.corrected"),
    STAT_EDITED("stat.edited"),
    STAT_RETRACTED("stat.retracted"),
    STAT_UNPUBLISHED("stat.unpublished"),
    STAT_DELETED("stat.deleted"),
    COLLECTION_CHANGED("collection.changed");

    public final String id;

    WebhookEventType(String id) {
        this.id = id;
    }

    public static Optional<WebhookEventType> parse(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    /** The event a figure's change is, if it is one anybody outside could see. */
    public static Optional<WebhookEventType> of(StatChanged.What what) {
        return Optional.ofNullable(
                switch (what) {
                    case PUBLISHED -> STAT_PUBLISHED;
                    case UPDATED -> STAT_UPDATED;
                    case CORRECTED -> STAT_CORRECTED;
                    case EDITED -> STAT_EDITED;
                    case RETRACTED -> STAT_RETRACTED;
                    case UNPUBLISHED -> STAT_UNPUBLISHED;
                    case DELETED -> STAT_DELETED;
                    case DRAFT_SAVED -> null;
                });
    }
}
