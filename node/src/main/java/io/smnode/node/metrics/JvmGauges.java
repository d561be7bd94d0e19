package io.smnode.node.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

/**
 * JVM metrics from the platform MXBeans. (prometheus-metrics-instrumentation-jvm has no release matching the pinned
 * 1.8.0 core, so the few gauges an operator needs are registered here.)
 */
public final class JvmGauges {
    private JvmGauges() {}

    public static void register(PrometheusRegistry registry) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        GaugeWithCallback.builder()
                .name("jvm_memory_used_bytes").help("Used bytes of a JVM memory area").labelNames("area")
                .callback(cb -> {
                    cb.call(memory.getHeapMemoryUsage().getUsed(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getUsed(), "nonheap");
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("jvm_memory_max_bytes").help("Maximum bytes of a JVM memory area (-1 when undefined)").labelNames("area")
                .callback(cb -> {
                    cb.call(memory.getHeapMemoryUsage().getMax(), "heap");
                    cb.call(memory.getNonHeapMemoryUsage().getMax(), "nonheap");
                })
                .register(registry);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GaugeWithCallback.builder()
                .name("jvm_threads_current").help("Live JVM threads")
                .callback(cb -> cb.call(threads.getThreadCount()))
                .register(registry);
        CounterWithCallback.builder()
                .name("jvm_gc_collection_seconds").help("Time spent in a garbage collector").labelNames("gc")
                .callback(cb -> {
                    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                        cb.call(gc.getCollectionTime() / 1000.0, gc.getName());
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("process_uptime_seconds").help("Seconds since the JVM started")
                .callback(cb -> cb.call(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0))
                .register(registry);
    }
}
