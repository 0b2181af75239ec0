package dev.statcallouts.permalink;

import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.http.AnswerAddress;

/**
 * A permalink page depends on its path and its language only, so every other parameter a
 * shared link picks up ({@code utm_source}, {@code fbclid}, …) names the same kept page.
 */
@ApplicationScoped
class PermalinkAddress implements AnswerAddress {

    private static final Pattern PAGE = Pattern.compile("/[sc]/" + Slugs.PATTERN);

    @Override
    public String canonical(String path, Function<String, String> parameter) {
        if (!PAGE.matcher(path).matches()) {
            return null;
        }
        try {
            // As the page reads it: a language it falls back from is the same page.
            return path + PermalinkResource.options(parameter.apply("lang")).query();
        } catch (DomainException refused) {
            return null;
        }
    }
}
