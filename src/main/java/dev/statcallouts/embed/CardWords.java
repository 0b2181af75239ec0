package dev.statcallouts.embed;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The fixed words of a card, its permalink page and its history, in the languages cards speak:
 * English here, the others in {@code messages/card_<language>.properties}. Any other language gets
 * English ({@link CardLanguages#words}).
 */
@MessageBundle(value = "card", locale = "en")
public interface CardWords {

    /** The label before a source list: singular or plural. */
    @Message("{#if count == 1}Source{#else}Sources{/if}")
    String sourceLabel(int count);

    @Message("As of {date}")
    String asOf(String date);

    @Message("Updated {date}")
    String updated(String date);

    @Message("Retracted: {reason}")
    String retracted(String reason);

    /** What a retracted figure is called in plain text: "Retracted figure: ¥920 billion …". */
    @Message("Retracted figure")
    String retractedFigure();

    @Message("This figure is not available.")
    String figureUnavailable();

    @Message("This collection is not available.")
    String collectionUnavailable();

    @Message("It cannot be shown just now; please try again in a moment.")
    String temporarilyUnavailable();

    @Message("See it on {site}")
    String seeOnSite(String site);

    @Message("A newer version of this figure exists.")
    String newerVersion();

    @Message("See the current figure")
    String viewCurrent();

    @Message("Sources & References")
    String sourcesAndReferences();

    @Message("Revision {number}")
    String revision(int number);

    @Message("History")
    String history();

    @Message("published {date}")
    String published(String date);

    @Message("accessed {date}")
    String accessed(String date);
}
