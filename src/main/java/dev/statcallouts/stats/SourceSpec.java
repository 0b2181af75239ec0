package dev.statcallouts.stats;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.statcallouts.validation.HttpUrl;

/** Where a figure comes from: a publisher, a link and its dates. */
public record SourceSpec(
        @NotBlank @Size(max = 200) @Schema(example = "McKinsey & Company")
        String name,

        @NotBlank
        @Size(max = 2000)
        @HttpUrl
        @Schema(example = "https://www.mckinsey.com/capabilities/quantumblack/our-insights/the-state-of-ai")
        String url,

        @Schema(description = "When the source was published", example = "2024-05-30")
        LocalDate published,

        @Schema(description = "When the editor last checked it", example = "2024-06-10")
        LocalDate accessed) {

    public static SourceSpec of(StatSource source) {
        return new SourceSpec(source.name, source.url, source.published, source.accessed);
    }

    public StatSource toEntity() {
        return new StatSource(name.strip(), url.strip(), published, accessed);
    }
}
