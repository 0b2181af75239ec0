package dev.statcallouts.editor;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The editors' pages against the packaged application: templates, assets and forms as shipped. */
@QuarkusIntegrationTest
class EditorPagesIT extends EditorPagesTest {}
