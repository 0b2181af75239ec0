package dev.statcallouts.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** The event streams open on this instance, in all and per client address, within their caps. */
@ApplicationScoped
@Startup // its gauge is there before the first stream opens
public class LiveStreams {

    @Inject
    LiveConfig config;

    private final AtomicInteger total = new AtomicInteger();

    LiveStreams(MeterRegistry registry) {
        Gauge.builder("statcallouts.live.streams", total, AtomicInteger::get)
                .description("Event streams (live cards) open on this instance")
                .register(registry);
    }

    private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    /** Counts a new stream from {@code address}; false (counting nothing) when a cap is reached. */
    public boolean open(String address) {
        if (total.incrementAndGet() > config.maxStreams()) {
            total.decrementAndGet();
            return false;
        }
        boolean[] opened = {false};
        byAddress.compute(address, (a, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (current.get() < config.maxStreamsPerAddress()) {
                current.incrementAndGet();
                opened[0] = true;
            }
            return current.get() == 0 ? null : current;
        });
        if (!opened[0]) {
            total.decrementAndGet();
        }
        return opened[0];
    }

    /** A stream from {@code address} ended. */
    public void close(String address) {
        total.decrementAndGet();
        byAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    /** Streams open now (for tests and metrics). */
    public int open() {
        return total.get();
    }
}
