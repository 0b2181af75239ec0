package dev.statcallouts.oembed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An oEmbed 1.0 response of type rich, with a thumbnail within maxwidth/maxheight: the social picture or the card's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
// Sent as a Response entity: not a declared return type, so registered for native.
@RegisterForReflection
public record OEmbed(
        String type,
        String version,
        String title,
        @JsonProperty("author_name") String authorName,
        @JsonProperty("author_url") String authorUrl,
        @JsonProperty("provider_name") String providerName,
        @JsonProperty("provider_url") String providerUrl,
        @JsonProperty("cache_age") long cacheAge,
        String html,
        int width,
        int height,
        @JsonProperty("thumbnail_url") String thumbnailUrl,
        @JsonProperty("thumbnail_width") Integer thumbnailWidth,
        @JsonProperty("thumbnail_height") Integer thumbnailHeight) {}
