package dev.statcallouts.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo data set. */
@ConfigMapping(prefix = "statcallouts.demo")
public interface DemoConfig {

    /** Load the six demo figures and the AI collection at start-up (missing ones only). On in dev mode. */
    @WithDefault("false")
    boolean load();
}
