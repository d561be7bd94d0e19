package io.smnode.actors.atx;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The validation pool's latest {@link PoolStats}, published by the pool after each change and read from other
 * threads (the metrics endpoint's scrapes). It outlives the pool's restarts: one per node, registered once.
 * Counts per worker restart from 0 when a pool restarts (a counter reset, which Prometheus handles).
 */
public final class ValidationStats {
    private static final Map<PrometheusRegistry, ValidationStats> BY_REGISTRY = new WeakHashMap<>();

    private final AtomicReference<PoolStats> latest = new AtomicReference<>(PoolStats.EMPTY);

    /** The one instance exported on {@code registry} (made and registered on first use). */
    public static synchronized ValidationStats on(PrometheusRegistry registry) {
        return BY_REGISTRY.computeIfAbsent(registry, r -> new ValidationStats().register(r));
    }

    public PoolStats current() {
        return latest.get();
    }

    void publish(PoolStats stats) {
        latest.set(stats);
    }

    /**
     * Exports the pool on {@code registry}: {@code smnode_atx_validation_queued}, {@code _in_flight} and
     * {@code _done_total} per worker (labels {@code worker}, {@code member}, {@code local}), {@code _redone_total}
     * and {@code _given_up_total}.
     */
    private ValidationStats register(PrometheusRegistry registry) {
        GaugeWithCallback.builder().name("smnode_atx_validation_queued")
                .help("ATX validation jobs waiting for a worker")
                .callback(cb -> cb.call(current().queued())).register(registry);
        GaugeWithCallback.builder().name("smnode_atx_validation_in_flight")
                .help("ATX validation jobs a worker holds now (0 or 1), per worker")
                .labelNames("worker", "member", "local")
                .callback(cb -> current().workers().forEach(w -> cb.call(w.busy() ? 1 : 0, w.worker(), w.member(),
                        Boolean.toString(w.local())))).register(registry);
        CounterWithCallback.builder().name("smnode_atx_validation_done")
                .help("ATX validation jobs a worker finished, per worker")
                .labelNames("worker", "member", "local")
                .callback(cb -> current().workers().forEach(w -> cb.call(w.done(), w.worker(), w.member(),
                        Boolean.toString(w.local())))).register(registry);
        CounterWithCallback.builder().name("smnode_atx_validation_redone")
                .help("ATX validation jobs handed out again because their worker died, restarted or went silent")
                .callback(cb -> cb.call(current().redone())).register(registry);
        CounterWithCallback.builder().name("smnode_atx_validation_given_up")
                .help("ATX validation jobs answered unavailable after failing on every attempt")
                .callback(cb -> cb.call(current().givenUp())).register(registry);
        return this;
    }
}
