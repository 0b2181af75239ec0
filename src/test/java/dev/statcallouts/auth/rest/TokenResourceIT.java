package dev.statcallouts.auth.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same suite against the packaged application (the jar here, the native binary with -Dnative). */
@QuarkusIntegrationTest
class TokenResourceIT extends TokenResourceTest {}
