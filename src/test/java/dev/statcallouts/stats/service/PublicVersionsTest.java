package dev.statcallouts.stats.service;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.stats.Stat;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The one question a permalink or the API's figure asks PostgreSQL: which version of a public figure, if any. */
@QuarkusTest
class PublicVersionsTest {

    @Inject
    PublicVersions versions;

    private static Stat.PublicVersion stored(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Stat stat = Stat.findBySlug(slug).orElseThrow();
            return new Stat.PublicVersion(stat.id, stat.version);
        });
    }

    @Test
    void aPublishedFigureIsFoundAtTheVersionItHoldsNow() {
        String slug = slug("versions");
        Map<String, Object> figure = figure(slug);
        create(figure);
        Stat.PublicVersion first = versions.of(slug).orElseThrow();
        assertThat(first).isEqualTo(stored(slug));
        // A slug is matched as it is: no pattern, no other case.
        assertThat(versions.of(slug.toUpperCase())).isEmpty();
        assertThat(versions.of(slug.substring(0, 8) + "%")).isEmpty();

        figure.put("value", "930000000000");
        update(figure);
        Stat.PublicVersion second = versions.of(slug).orElseThrow();
        assertThat(second).isEqualTo(stored(slug));
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isGreaterThan(first.version());
    }

    @Test
    void aRetractedFigureIsStillPublic() {
        String slug = slug("versions-retracted");
        create(figure(slug));
        retract(slug, "The ministry withdrew the figure.");
        assertThat(versions.of(slug)).contains(stored(slug));
    }

    @Test
    void aDraftOrAnUnknownSlugIsNotFound() {
        String draft = slug("versions-draft");
        createDraft(draft);
        assertThat(versions.of(draft)).isEmpty();
        assertThat(versions.of(slug("versions-none"))).isEmpty();
    }
}
