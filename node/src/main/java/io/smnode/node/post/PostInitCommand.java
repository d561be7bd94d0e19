package io.smnode.node.post;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.node.tools.HexArg;
import io.smnode.node.tools.Tool;
import io.smnode.node.tools.ToolException;
import io.smnode.post.cuda.LabelBackends;
import io.smnode.post.init.InitConfig;
import io.smnode.post.init.InitException;
import io.smnode.post.init.InitProgress;
import io.smnode.post.init.InitResult;
import io.smnode.post.init.Initializer;
import io.smnode.post.label.CpuLabelBackend;
import io.smnode.post.label.LabelBackend;
import io.smnode.core.util.Hex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fills a PoST data directory, resuming where an earlier run stopped. Progress goes to stderr; Ctrl-C or SIGTERM
 * stops within one batch with everything written so far kept (the next run continues from there).
 */
@Command(name = "init", description = "Initialize (or resume) PoST data: {\"state\", \"labels\", \"nonce\", ...}.")
public final class PostInitCommand extends Tool {
    @Option(names = "--data-dir", required = true, paramLabel = "DIR") Path dataDir;
    @Option(names = "--node-id", required = true, paramLabel = "HEX") String nodeId;
    @Option(names = "--commitment-atx", required = true, paramLabel = "HEX") String commitmentAtx;
    @Option(names = "--units", required = true, paramLabel = "U") long units;
    @Option(names = "--labels-per-unit", required = true, paramLabel = "L") long labelsPerUnit;
    @Option(names = "--scrypt-n", required = true, paramLabel = "N") int scryptN;
    @Option(names = "--provider", defaultValue = "cpu", paramLabel = "cpu|cuda",
            description = "cuda uses every GPU (or --devices) and falls back to the CPU with one log line when none is usable.")
    String provider;
    @Option(names = "--devices", split = ",", paramLabel = "I,J", description = "CUDA device numbers to use (default: all).")
    List<Integer> devices;
    @Option(names = "--max-file-size", defaultValue = "4294967296", paramLabel = "BYTES") long maxFileSize;
    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all cores).") Integer threads;
    @Option(names = "--batch-labels", defaultValue = "0", paramLabel = "B", description = "Labels per batch (0: the backend's choice).")
    int batchLabels;

    @Override
    protected Map<String, ?> run() {
        NodeId node = NodeId.of(HexArg.exactly("--node-id", nodeId, NodeId.LENGTH));
        AtxId atx = AtxId.of(HexArg.exactly("--commitment-atx", commitmentAtx, AtxId.LENGTH));
        int cpuThreads = threads != null ? (int) PostArgs.positive("--threads", threads) : Runtime.getRuntime().availableProcessors();
        PrintWriter err = spec.commandLine().getErr();
        LabelBackend backend = backend(cpuThreads, err);
        int n = PostArgs.scryptN("--scrypt-n", scryptN);
        int batch = batchLabels > 0 ? batchLabels : backend.preferredBatchLabels(n);
        InitConfig config;
        try {
            config = new InitConfig(node, atx, PostArgs.positive("--labels-per-unit", labelsPerUnit),
                    PostArgs.positive("--units", units), PostArgs.positive("--max-file-size", maxFileSize), n, batch);
        } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage());
        }
        ExecutorService pool = Executors.newFixedThreadPool(backend.concurrency());
        Initializer initializer = new Initializer(dataDir, config, backend, pool, System::nanoTime, p -> progress(err, p));
        CountDownLatch done = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            initializer.cancel();
            awaitQuietly(done);
        }, "post-init-cancel");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            err.println("smnode post: " + config.totalLabels() + " labels with " + backend.name() + " into " + dataDir.toAbsolutePath());
            InitResult result = initializer.run();
            return describe(result);
        } catch (InitException e) {
            throw new ToolException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            done.countDown();
            pool.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for `done`, counted down above.
            }
        }
    }

    private LabelBackend backend(int cpuThreads, PrintWriter err) {
        String p = provider.toLowerCase(Locale.ROOT);
        if (devices != null && !p.equals("cuda")) {
            throw new ToolException("--devices applies to --provider cuda only");
        }
        return switch (p) {
            case "cpu" -> CpuLabelBackend.scryptJane(cpuThreads);
            case "cuda" -> {
                try {
                    yield LabelBackends.best(line -> err.println("smnode post: " + line), cpuThreads,
                            Optional.ofNullable(devices).map(Set::copyOf));
                } catch (IllegalArgumentException e) {
                    throw new ToolException("--devices: " + e.getMessage());
                }
            }
            default -> throw new ToolException("--provider must be cpu or cuda, got '" + provider + "'");
        };
    }

    private static Map<String, Object> describe(InitResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (result instanceof InitResult.Completed c) {
            out.put("state", "complete");
            out.put("labels", c.metadata().totalLabels());
            out.put("nonce", c.metadata().nonce().isPresent() ? c.metadata().nonce().getAsLong() : null);
            out.put("nonce_value", c.metadata().nonceValue().map(v -> Hex.encode(v.toByteArray())).orElse(null));
        } else if (result instanceof InitResult.Cancelled c) {
            out.put("state", "cancelled");
            out.put("labels_done", c.labelsDone());
        }
        return out;
    }

    private static void progress(PrintWriter err, InitProgress p) {
        err.printf(Locale.ROOT, "smnode post: %.1f%% (%d/%d labels) %.0f labels/s %.2f MiB/s eta %s%n", p.percent(),
                p.labelsDone(), p.totalLabels(), p.labelsPerSecond(), p.mibPerSecond(),
                p.eta().map(d -> d.toSeconds() + "s").orElse("-"));
        err.flush();
    }

    private static void awaitQuietly(CountDownLatch done) {
        try {
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
