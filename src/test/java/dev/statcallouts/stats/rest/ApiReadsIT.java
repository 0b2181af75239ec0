package dev.statcallouts.stats.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same against the packaged jar. */
@QuarkusIntegrationTest
class ApiReadsIT extends ApiReadsTest {}
