package io.smnode.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Simulator throughput: an honest run of {@code nodes} nodes for {@code layers} layers, after one warm-up run,
 * printing simulated layers per wall-clock second and the run's deliveries. Not a test: run its main with the test
 * classpath, e.g. {@code java -cp <sim test and main classes, dependencies> io.smnode.sim.SimBench 6 24}.
 */
public final class SimBench {
    private SimBench() {}

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        new Simulation(SimConfig.honest(nodes, 1, 4)).run(); // warm-up
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        SimResult run = new Simulation(SimConfig.honest(nodes, 2, layers)).run();
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - t0) / 1e9;
        // CPU time of the one simulating thread: the machine may be shared, so wall time is printed but not used.
        System.out.printf("%d nodes, %d layers: %.2f s CPU (%.2f s wall), %.2f layers per CPU second, "
                + "%.1f CPU ms per node-layer, %d deliveries%n", nodes, layers, cpu, wall, layers / cpu,
                cpu * 1000 / layers / nodes, run.deliveries());
    }
}
