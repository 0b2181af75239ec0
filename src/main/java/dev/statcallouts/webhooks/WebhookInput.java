package dev.statcallouts.webhooks;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint as an admin registers or changes it. */
public record WebhookInput(
        @NotBlank @Size(max = 2000) @Schema(example = "https://cms.example.com/hooks/stat-callouts")
        String url,

        @NotEmpty
        @Size(max = 8)
        @Schema(
                description = "Event types to receive: stat.published, stat.updated, stat.corrected, stat.edited, "
                        + "stat.retracted, stat.unpublished, stat.deleted, collection.changed",
                example = "[\"stat.corrected\", \"stat.updated\", \"stat.retracted\"]")
        List<@NotNull @Size(max = 30) String> events,

        @Size(max = 200) @Schema(example = "CMS: re-render articles quoting a figure")
        String description,

        @Schema(description = "Deliveries are made only while enabled (default true)")
        Boolean enabled) {}
