package dev.statcallouts.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.CollectionInput;
import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.collections.service.CollectionService;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatRevision;
import dev.statcallouts.stats.TranslationSpec;
import dev.statcallouts.stats.service.StatService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * The first data set: figures from a feature on Japan's chip ambitions and on new AI models,
 * with their real sources, and a collection of the four AI figures.
 */
@ApplicationScoped
public class DemoData {

    static final String EDITOR = "demo-data";
    static final String COLLECTION = "ai-by-the-numbers";

    @Inject
    DemoConfig config;

    @Inject
    StatService stats;

    @Inject
    CollectionService collections;

    @Transactional
    void load(@Observes StartupEvent event) {
        if (!config.load()) {
            return;
        }
        int created = 0;
        for (StatInput figure : figures()) {
            if (!Stat.slugTaken(figure.slug())) {
                StatInput earlier = EARLIER.get(figure.slug());
                if (earlier == null) {
                    stats.create(figure, EDITOR, null);
                } else {
                    stats.create(earlier, EDITOR, null);
                    stats.update(
                            figure.slug(),
                            figure.as("update", "New survey: 65% in May 2024, up from 33% ten months earlier.", true),
                            ExpectedVersion.ANY,
                            EDITOR,
                            null);
                }
                created++;
            } else if (untouchedWithoutTranslations(figure)) {
                // Loaded by an earlier version, before figures had translations: give it this one's.
                stats.update(figure.slug(), figure, ExpectedVersion.ANY, EDITOR, null);
            }
        }
        if (!StatCollection.slugTaken(COLLECTION)) {
            collections.create(
                    new CollectionInput(
                            COLLECTION,
                            "AI by the numbers",
                            "Adoption, spending, training and inference costs of generative AI.",
                            List.of(
                                    "genai-adoption",
                                    "ai-spending-2024",
                                    "gpt4-training-cost",
                                    "small-model-inference-cost"),
                            "published"),
                    EDITOR,
                    null);
        }
        Log.infof("Demo data: %d figures added", created);
    }

    static List<StatInput> figures() {
        return List.of(
                inJapanese(
                        figure(
                                "rapidus-investment",
                                "920000000000",
                                display("currency", "JPY", null, null),
                                "cumulative investment in Rapidus",
                                "Government support committed to Japan's 2 nm foundry venture after the April 2024 tranche.",
                                LocalDate.of(2024, 4, 2),
                                List.of("semiconductors", "japan"),
                                source(
                                        "Reuters",
                                        "https://www.reuters.com/technology/japan-approves-additional-590-bln-yen-subsidies-chipmaker-rapidus-2024-04-02/",
                                        LocalDate.of(2024, 4, 2))),
                        "ラピダスへの累計投資額",
                        "2024年4月の追加支援を受けて、日本の2ナノ半導体工場計画に政府が約束した支援額。",
                        "ロイター"),
                inJapanese(
                        figure(
                                "rapidus-2nm",
                                "2",
                                display("unit", null, "nm", null),
                                "high-volume manufacturing by 2027",
                                "Rapidus plans to mass-produce 2 nm logic chips in Hokkaido from 2027.",
                                LocalDate.of(2024, 4, 2),
                                List.of("semiconductors", "japan"),
                                source("Rapidus", "https://www.rapidus.inc/en/", null)),
                        "2027年までに量産開始",
                        "ラピダスは2027年から北海道で2ナノのロジック半導体を量産する計画。",
                        "ラピダス"),
                figure(
                                "genai-adoption",
                                "65",
                                new DisplaySpec("percent", null, null, null, "compact", null, null, "change"),
                                "of organizations use generative AI",
                                "Share of respondents whose organizations regularly use generative AI, nearly double ten months earlier.",
                                LocalDate.of(2024, 5, 1),
                                List.of("ai", "adoption"),
                                source(
                                        "McKinsey & Company",
                                        "https://www.mckinsey.com/capabilities/quantumblack/our-insights/the-state-of-ai",
                                        LocalDate.of(2024, 5, 30)))
                        .withAsOf(LocalDate.of(2024, 5, 1), "month"),
                figure(
                        "ai-spending-2024",
                        "204000000000",
                        display("currency", "USD", null, null),
                        "projected global AI spending in 2024",
                        "Worldwide spending on AI, including generative AI, forecast for 2024.",
                        LocalDate.of(2024, 1, 1),
                        List.of("ai", "spending"),
                        source("IDC", "https://www.idc.com/promo/global-ai-spending-guide", null)),
                figure(
                        "gpt4-training-cost",
                        "100000000",
                        display("currency", "USD", null, "+"),
                        "estimated training compute for a single model like GPT-4",
                        "OpenAI's CEO said training GPT-4 cost more than $100 million.",
                        LocalDate.of(2023, 4, 17),
                        List.of("ai", "compute"),
                        source(
                                "WIRED",
                                "https://www.wired.com/story/openai-ceo-sam-altman-the-age-of-giant-ai-models-is-already-over/",
                                LocalDate.of(2023, 4, 17))),
                figure(
                        "small-model-inference-cost",
                        "100",
                        display("multiplier", null, null, null),
                        "cheaper inference for smaller specialized models",
                        "Fine-tuned smaller open models served for a fraction of the cost of the largest general models.",
                        null,
                        List.of("ai", "inference"),
                        source("Anyscale", "https://www.anyscale.com/blog", null)));
    }

    /**
     * Where a demo figure started: its earlier value, which the demo then updates with new data,
     * so that its card shows the change ("up from 33% in August 2023") and its page the series.
     */
    private static final Map<String, StatInput> EARLIER = Map.of(
            "genai-adoption",
            figure(
                            "genai-adoption",
                            "33",
                            new DisplaySpec("percent", null, null, null, "compact", null, null, "change"),
                            "of organizations use generative AI",
                            "Share of respondents whose organizations regularly use generative AI in at least one"
                                    + " business function, in its breakout year.",
                            LocalDate.of(2023, 8, 1),
                            List.of("ai", "adoption"),
                            source(
                                    "McKinsey & Company",
                                    "https://www.mckinsey.com/capabilities/quantumblack/our-insights/the-state-of-ai-in-2023-generative-ais-breakout-year",
                                    LocalDate.of(2023, 8, 1)))
                    .withAsOf(LocalDate.of(2023, 8, 1), "month"));

    /** A demo figure that lacks the translations the demo now has, and that no editor has saved since the loader. */
    private static boolean untouchedWithoutTranslations(StatInput figure) {
        if (figure.translations() == null) {
            return false;
        }
        Stat stat = Stat.findBySlug(figure.slug()).orElseThrow();
        return stat.translations.isEmpty()
                && StatRevision.findFor(stat, stat.revision)
                        .map(latest -> EDITOR.equals(latest.editor))
                        .orElse(false);
    }

    /** A figure with its words in Japanese too (label, context, its one source's name). */
    private static StatInput inJapanese(StatInput figure, String label, String context, String sourceName) {
        return figure.withTranslations(Map.of("ja", new TranslationSpec(label, context, List.of(sourceName))));
    }

    private static StatInput figure(
            String slug,
            String value,
            DisplaySpec display,
            String label,
            String context,
            LocalDate asOf,
            List<String> tags,
            SourceSpec source) {
        return new StatInput(
                slug,
                new BigDecimal(value),
                display,
                label,
                context,
                asOf,
                "en",
                List.of(source),
                tags,
                "published",
                "Demo data");
    }

    private static DisplaySpec display(String kind, String currency, String unit, String qualifier) {
        return new DisplaySpec(kind, currency, unit, qualifier, "compact", null);
    }

    private static SourceSpec source(String name, String url, LocalDate published) {
        return new SourceSpec(name, url, published, LocalDate.of(2026, 11, 28));
    }
}
