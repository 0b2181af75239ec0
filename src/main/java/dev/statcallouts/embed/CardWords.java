package dev.statcallouts.embed;

import java.util.Locale;
import java.util.Map;

/** The fixed words of a card in the languages it speaks; any other language gets English. */
public record CardWords(
        String source,
        String sources,
        String asOf,
        String updated,
        String retracted,
        String newerVersion,
        String viewCurrent,
        String sourcesAndReferences,
        String revision,
        String history,
        String published,
        String accessed) {

    private static final CardWords EN = new CardWords(
            "Source",
            "Sources",
            "As of %s",
            "Updated %s",
            "Retracted: %s",
            "A newer version of this figure exists.",
            "See the current figure",
            "Sources & References",
            "Revision %d",
            "History",
            "published %s",
            "accessed %s");

    private static final Map<String, CardWords> BY_LANGUAGE = Map.of(
            "en", EN,
            "ja",
                    new CardWords(
                            "出典",
                            "出典",
                            "%s時点",
                            "%s更新",
                            "撤回: %s",
                            "この数値には新しい版があります。",
                            "最新の数値を見る",
                            "出典・参考文献",
                            "第%d版",
                            "履歴",
                            "%s公開",
                            "%s閲覧"),
            "de",
                    new CardWords(
                            "Quelle",
                            "Quellen",
                            "Stand: %s",
                            "Aktualisiert am %s",
                            "Zurückgezogen: %s",
                            "Von dieser Zahl gibt es eine neuere Fassung.",
                            "Aktuelle Zahl ansehen",
                            "Quellen & Referenzen",
                            "Fassung %d",
                            "Verlauf",
                            "veröffentlicht am %s",
                            "abgerufen am %s"),
            "fr",
                    new CardWords(
                            "Source",
                            "Sources",
                            "Données au %s",
                            "Mis à jour le %s",
                            "Retiré : %s",
                            "Une version plus récente de ce chiffre existe.",
                            "Voir le chiffre actuel",
                            "Sources et références",
                            "Version %d",
                            "Historique",
                            "publié le %s",
                            "consulté le %s"),
            "es",
                    new CardWords(
                            "Fuente",
                            "Fuentes",
                            "Datos a %s",
                            "Actualizado el %s",
                            "Retirado: %s",
                            "Existe una versión más reciente de esta cifra.",
                            "Ver la cifra actual",
                            "Fuentes y referencias",
                            "Versión %d",
                            "Historial",
                            "publicado el %s",
                            "consultado el %s"));

    public static CardWords of(Locale locale) {
        return BY_LANGUAGE.getOrDefault(locale.getLanguage(), EN);
    }

    /** A phrase with its value: {@code fill("As of %s", "April 2, 2024")}. Cheaper than String.format. */
    public static String fill(String phrase, String value) {
        return phrase.replace("%s", value);
    }

    /** The label before a source list: singular or plural. */
    public String sourceLabel(int count) {
        return count == 1 ? source : sources;
    }
}
