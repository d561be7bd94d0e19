package io.smnode.post.init;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Fills a PoST directory (spec 08 §1.3, §1.4): the label files, the VRF nonce and {@code postdata_metadata.json}.
 *
 * <p>Work is cut into batches of {@link InitConfig#batchLabels()} labels that run concurrently on the given executor
 * ({@link LabelBackend#concurrency()} at a time) and are written strictly in label order, each at its own offset and
 * fsynced before the {@link Checkpoint} that covers it is atomically replaced. A kill at any moment therefore leaves
 * a checkpoint that never claims more than is on disk; a resumed run starts at the checkpoint, rewrites at most the
 * one batch written after it (with identical bytes, at the same offsets) and never touches labels before it.
 * The nonce is the smallest qualifying output among all labels of the data (or, when none qualifies, of the first
 * batch past the data that has one), which depends neither on the thread count nor, inside the data, on the batch
 * size.
 *
 * <p>One call to {@link #run} at a time; {@link #cancel} may be called from any thread and stops the run within the
 * batch in progress. A cancelled initializer stays cancelled: resume with a new one. Time comes only from the given
 * {@code nanoTime} (for progress rates). A directory written by another implementation without our checkpoint file
 * is recomputed from label 0 unless its metadata already holds a nonce and every file has its full size.
 */
public final class Initializer {
    private final Path dir;
    private final InitConfig config;
    private final LabelBackend backend;
    private final Executor executor;
    private final LongSupplier nanoTime;
    private final InitListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Set while a run winds down (error, nonce found, cancel) so that batches still computing return early. */
    private final AtomicBoolean draining = new AtomicBoolean();
    private final BooleanSupplier stop = () -> cancelled.get() || draining.get();

    public Initializer(Path dir, InitConfig config, LabelBackend backend, Executor executor, LongSupplier nanoTime,
                       InitListener listener) {
        this.dir = dir;
        this.config = config;
        this.backend = backend;
        this.executor = executor;
        this.nanoTime = nanoTime;
        this.listener = listener;
    }

    /** Asks a running (or the next) {@link #run} to stop after the batches in flight notice it. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Initializes or resumes. Returns at once when the directory is already complete for this configuration.
     *
     * @throws InitException when the directory belongs to another identity or configuration, or its files are bad
     */
    public InitResult run() throws IOException, InitException {
        Files.createDirectories(dir);
        FileLayout layout = config.layout();
        Optional<PostMetadata> existing = readMetadata(dir);
        if (existing.isPresent()) {
            requireSameConfig(existing.get());
        }
        Optional<Checkpoint> saved = readCheckpoint(dir);
        if (saved.isEmpty() && existing.isPresent() && existing.get().nonce().isPresent()) {
            if (!DataFiles.complete(dir, layout)) {
                throw new InitException(InitException.Reason.BAD_DATA_FILES,
                        "metadata says initialized but data files are missing or have the wrong size in " + dir);
            }
            return new InitResult.Completed(existing.get());
        }
        Checkpoint start = saved.orElse(Checkpoint.START);
        if (start.labelsDone() > layout.totalLabels()) {
            throw new InitException(InitException.Reason.BAD_METADATA,
                    "checkpoint claims " + start.labelsDone() + " labels of " + layout.totalLabels());
        }
        if (existing.isEmpty()) {
            AtomicFiles.write(dir.resolve(PostMetadata.FILE_NAME), MetadataJson.write(config.unfinishedMetadata()));
        }
        return new Run(layout, start).execute();
    }

    private void requireSameConfig(PostMetadata m) throws InitException {
        PostMetadata want = config.unfinishedMetadata();
        if (!m.nodeId().equals(want.nodeId()) || !m.commitmentAtxId().equals(want.commitmentAtxId())
                || m.labelsPerUnit() != want.labelsPerUnit() || m.numUnits() != want.numUnits()
                || m.maxFileSize() != want.maxFileSize()) {
            throw new InitException(InitException.Reason.CONFIG_MISMATCH, "directory " + dir + " holds "
                    + describe(m) + ", asked for " + describe(want));
        }
    }

    private static String describe(PostMetadata m) {
        return "node " + m.nodeId().hex() + ", atx " + m.commitmentAtxId().hex() + ", " + m.numUnits() + " units × "
                + m.labelsPerUnit() + " labels, max file size " + m.maxFileSize();
    }

    /** What a directory holds, for {@code smnode post status}; reads only the metadata, checkpoint and file sizes. */
    public static InitStatus status(Path dir) throws IOException, InitException {
        Optional<PostMetadata> m = readMetadata(dir);
        if (m.isEmpty()) {
            return new InitStatus(InitStatus.State.NOT_STARTED, 0, Optional.empty());
        }
        long total = m.get().totalLabels();
        Optional<Checkpoint> c = readCheckpoint(dir);
        if (c.isPresent() || m.get().nonce().isEmpty()) {
            return new InitStatus(InitStatus.State.IN_PROGRESS, c.map(Checkpoint::labelsDone).orElse(0L), m);
        }
        return DataFiles.complete(dir, m.get().layout())
                ? new InitStatus(InitStatus.State.COMPLETE, total, m)
                : new InitStatus(InitStatus.State.DAMAGED, 0, m);
    }

    static Optional<PostMetadata> readMetadata(Path dir) throws IOException, InitException {
        try {
            return Optional.of(MetadataJson.read(Files.readAllBytes(dir.resolve(PostMetadata.FILE_NAME))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    static Optional<Checkpoint> readCheckpoint(Path dir) throws IOException, InitException {
        try {
            return Optional.of(Checkpoint.fromJson(Files.readAllBytes(dir.resolve(Checkpoint.FILE_NAME))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The state of one call to {@link #run}. */
    private final class Run {
        private final FileLayout layout;
        private final Hash32 commitment = config.commitment();
        private final byte[] threshold = VrfDifficulty.threshold(config.totalLabels());
        private final NonceScan nonce = new NonceScan(threshold);
        /** Batchers not in use; batches hand theirs back from executor threads, hence the lock. */
        private final ArrayDeque<LabelBatcher> idle = new ArrayDeque<>();
        private long labelsDone;
        private OptionalLong lastPosition;
        private final long startNanos = nanoTime.getAsLong();
        private long computedThisRun;

        Run(FileLayout layout, Checkpoint from) {
            this.layout = layout;
            this.labelsDone = from.labelsDone();
            this.lastPosition = from.lastPosition();
            from.nonce().ifPresent(i -> nonce.offer(i, from.nonceOutput().orElseThrow().toByteArray(), 0));
        }

        InitResult execute() throws IOException {
            try (DataFiles files = new DataFiles(dir, layout)) {
                files.removeRedundant();
                files.truncateOversized();
                long total = layout.totalLabels();
                if (labelsDone < total && !runBatches(labelsDone, total, files)) {
                    return new InitResult.Cancelled(labelsDone);
                }
                if (!nonce.found()) {
                    // Spec 08 §1.4: no qualifying label in the data; keep computing (not storing) past it.
                    long from = Math.max(total, lastPosition.orElse(total));
                    if (!runBatches(from, Long.MAX_VALUE, null)) {
                        return new InitResult.Cancelled(labelsDone);
                    }
                }
            } finally {
                synchronized (idle) {
                    idle.forEach(LabelBatcher::close);
                    idle.clear();
                }
            }
            byte[] out = nonce.output();
            PostMetadata done = new PostMetadata(config.nodeId(), config.commitmentAtxId(), config.labelsPerUnit(),
                    config.numUnits(), config.maxFileSize(), OptionalLong.of(nonce.index()),
                    Optional.of(Bytes.wrap(Arrays.copyOf(out, LabelGenerator.LABEL_SIZE))), lastPosition);
            AtomicFiles.write(dir.resolve(PostMetadata.FILE_NAME), MetadataJson.write(done));
            AtomicFiles.delete(dir.resolve(Checkpoint.FILE_NAME));
            return new InitResult.Completed(done);
        }

        /**
         * Runs batches over {@code [from, to)} in order. With {@code files} the labels are stored and the run ends at
         * {@code to}; without, only the nonce is searched and the run ends after the first batch that finds one.
         *
         * @return false when cancelled
         */
        private boolean runBatches(long from, long to, DataFiles files) throws IOException {
            ArrayDeque<Batch> inFlight = new ArrayDeque<>();
            long next = from;
            try {
                while (true) {
                    while (inFlight.size() < backend.concurrency() && next < to && !stop.getAsBoolean()) {
                        int count = (int) Math.min(config.batchLabels(), to - next);
                        inFlight.add(submit(next, count, files != null));
                        next += count;
                    }
                    if (cancelled.get()) {
                        return false; // batches already finished are dropped too: cancel takes effect at once
                    }
                    Batch head = inFlight.poll();
                    if (head == null) {
                        return true;
                    }
                    BatchResult r = join(head.result);
                    if (!r.complete) {
                        return false;
                    }
                    nonce.merge(r.nonce);
                    computedThisRun += head.count;
                    if (files != null) {
                        files.write(head.start, r.labels, head.count);
                        labelsDone = head.start + head.count;
                    } else {
                        lastPosition = OptionalLong.of(head.start);
                    }
                    saveCheckpoint();
                    report(files == null ? head.start + head.count : labelsDone);
                    if (files == null && nonce.found()) {
                        return true;
                    }
                }
            } finally {
                // Whatever ends the loop (cancel, error, nonce found), batches still running must stop and hand their
                // batcher back before this returns; their results are dropped.
                draining.set(true);
                for (Batch b : inFlight) {
                    try {
                        b.result.join();
                    } catch (CompletionException ignored) {
                        // already failing or finished: nothing of it is used
                    }
                }
                draining.set(false);
            }
        }

        private Batch submit(long start, int count, boolean store) {
            LabelBatcher polled;
            synchronized (idle) {
                polled = idle.poll();
            }
            // At most concurrency() batches are in flight, so at most that many batchers are ever opened.
            LabelBatcher b = polled != null ? polled : backend.open(commitment, config.scryptN());
            try {
                CompletableFuture<BatchResult> f = CompletableFuture.supplyAsync(() -> {
                    byte[] labels = store ? new byte[count * LabelGenerator.LABEL_SIZE] : null;
                    NonceScan scan = new NonceScan(threshold);
                    boolean complete = b.compute(start, count, labels, 0, scan, stop);
                    return new BatchResult(complete, labels, scan);
                }, executor).whenComplete((r, e) -> giveBack(b));
                return new Batch(start, count, f);
            } catch (RuntimeException e) { // the executor refused the task: keep the batcher so that it is closed
                giveBack(b);
                throw e;
            }
        }

        private void giveBack(LabelBatcher b) {
            synchronized (idle) {
                idle.add(b);
            }
        }

        private BatchResult join(CompletableFuture<BatchResult> f) {
            try {
                return f.join(); // f is the whenComplete stage: the batcher is back in idle already
            } catch (CompletionException e) {
                // a backend failure (e.g. a GPU label that differs from the CPU's): nothing of the batch is written
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }

        private void saveCheckpoint() throws IOException {
            Checkpoint c = nonce.found()
                    ? new Checkpoint(labelsDone, OptionalLong.of(nonce.index()), Optional.of(Bytes.wrap(nonce.output())),
                    lastPosition)
                    : new Checkpoint(labelsDone, OptionalLong.empty(), Optional.empty(), lastPosition);
            AtomicFiles.write(dir.resolve(Checkpoint.FILE_NAME), c.toJson());
        }

        private void report(long position) {
            long elapsed = Math.max(1, nanoTime.getAsLong() - startNanos);
            double rate = computedThisRun * 1e9 / elapsed;
            long left = layout.totalLabels() - labelsDone;
            Optional<Duration> eta = rate > 0 && left > 0
                    ? Optional.of(Duration.ofNanos((long) (left / rate * 1e9))) : Optional.empty();
            listener.onProgress(new InitProgress(labelsDone, layout.totalLabels(), position, rate, eta,
                    nonce.found()));
        }
    }

    private record Batch(long start, int count, CompletableFuture<BatchResult> result) {}

    private record BatchResult(boolean complete, byte[] labels, NonceScan nonce) {}
}
