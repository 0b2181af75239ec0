package dev.statcallouts.permalink;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same suite against the packaged application (the jar here, the native binary with -Dnative). */
@QuarkusIntegrationTest
class PermalinkResourceIT extends PermalinkResourceTest {}
