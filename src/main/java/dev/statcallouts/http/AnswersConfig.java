package dev.statcallouts.http;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Whole answers to anonymous reads kept in memory ({@link AnswerCache}). */
@ConfigMapping(prefix = "statcallouts.answers")
public interface AnswersConfig {

    /** Memory for kept answers, counted in bytes (plain and gzipped): the least recently used go first past it. */
    @WithDefault("32M")
    MemorySize maxBytes();

    /**
     * Backstop lifetime of a kept answer: changes drop answers at once, this bounds how long one
     * can outlive a change that an instance never heard of.
     */
    @WithDefault("10m")
    Duration lifetime();

    /**
     * The longest an anonymous read that misses memory waits for a reading of the same address
     * already under way ({@link SharedReadings}); past it, it goes through on its own.
     */
    @WithDefault("250ms")
    Duration shareReadingsFor();
}
