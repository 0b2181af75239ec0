package dev.statcallouts.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An instance of its own for tests that stop a part of it as shutdown does (the webhook
 * dispatcher, the change feed): what they stop stays stopped, so no other suite may share it.
 */
public class StoppingInstance implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // Any override makes it an instance apart; this one changes nothing the tests rely on.
        return Map.of("statcallouts.webhooks.batch-size", "49");
    }
}
