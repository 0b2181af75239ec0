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

    @Message("Corrected {date}")
    String corrected(String date);

    /** A month as an as-of date ("November 2024"): a java.time pattern. */
    @Message("MMMM y")
    String monthPattern();

    @Message("Q{quarter} {year}")
    String quarter(int quarter, int year);

    @Message("{year}")
    String year(int year);

    /** The change since the previous value: "up from 55% in 2023"; {@code period} may be empty. */
    @Message("up from {value}{#if period}{#if day} on{#else} in{/if} {period}{/if}")
    String upFrom(String value, String period, boolean day);

    @Message("down from {value}{#if period}{#if day} on{#else} in{/if} {period}{/if}")
    String downFrom(String value, String period, boolean day);

    @Message("unchanged from {value}{#if period}{#if day} on{#else} in{/if} {period}{/if}")
    String sameAs(String value, String period, boolean day);

    /** What a sparkline says to a screen reader, as one sentence. */
    @Message("Values over time: {values}.")
    String series(String values);

    /** One value of that sentence or the series table: "55% (2023)". */
    @Message("{value}{#if period} ({period}){/if}")
    String seriesValue(String value, String period);

    /** A correction in the public history. */
    @Message("Correction")
    String correction();

    /** An update with new data in the public history. */
    @Message("Update")
    String update();

    @Message("Cite this")
    String citeThis();

    @Message("Data")
    String data();

    @Message("This figure and its public history:")
    String dataIntro();

    @Message("Share")
    String share();

    @Message("E-mail")
    String email();

    @Message("Embed this figure")
    String embedThis();

    @Message("Values over time")
    String seriesHeading();

    @Message("As of")
    String asOfHeading();

    @Message("Value")
    String valueHeading();

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
