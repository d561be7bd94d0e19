package io.smnode.node.bench;

import picocli.CommandLine.Command;

/** {@code smnode bench}: the pure protocol modules' throughput on this machine; each prints one JSON object. */
@Command(name = "bench", description = "Benchmarks of hare, tortoise and VM on this machine (one JSON object each).",
        subcommands = {HareBenchCommand.class, TortoiseBenchCommand.class, VmBenchCommand.class})
public final class BenchCommand {}
