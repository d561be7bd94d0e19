package io.smnode.post.init;

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
import java.util.Optional;
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
 * ({@link LabelBackend#concurrency()} at a time) and are written by an {@link InitSession} strictly in label order,
 * each at its own offset and fsynced before the {@link Checkpoint} that covers it is atomically replaced. A kill at
 * any moment therefore leaves a checkpoint that never claims more than is on disk; a resumed run starts at the
 * checkpoint, rewrites at most the one batch written after it (with identical bytes, at the same offsets) and never
 * touches labels before it. The nonce is the smallest qualifying output among all labels of the data (or, when none
 * qualifies, of the first batch past the data that has one), which depends neither on the thread count nor, inside
 * the data, on the batch size.
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
        InitSession.Opened opened = InitSession.open(dir, config);
        if (opened instanceof InitSession.Opened.AlreadyComplete done) {
            return new InitResult.Completed(done.metadata());
        }
        try (InitSession session = ((InitSession.Opened.Resumed) opened).session()) {
            return new Run(session).execute();
        }
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

    /** The state of one call to {@link #run}: the threads that compute the batches the session plans. */
    private final class Run {
        private final InitSession session;
        private final Hash32 commitment;
        /** Batchers not in use; batches hand theirs back from executor threads, hence the lock. */
        private final ArrayDeque<LabelBatcher> idle = new ArrayDeque<>();
        private final long startNanos = nanoTime.getAsLong();

        Run(InitSession session) {
            this.session = session;
            this.commitment = session.commitment();
        }

        InitResult execute() throws IOException {
            ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
            try {
                while (true) {
                    while (inFlight.size() < backend.concurrency() && !stop.getAsBoolean()) {
                        Optional<Batch> next = session.nextBatch();
                        if (next.isEmpty()) {
                            break;
                        }
                        inFlight.add(submit(next.get()));
                    }
                    if (cancelled.get()) {
                        // batches already finished are dropped too: cancel takes effect at once
                        return new InitResult.Cancelled(session.labelsDone());
                    }
                    InFlight head = inFlight.poll();
                    if (head == null) {
                        break; // nothing computing and nothing left to plan: the session is done
                    }
                    BatchResult r = join(head.result);
                    if (!r.complete) {
                        return new InitResult.Cancelled(session.labelsDone());
                    }
                    session.accept(head.batch, r.labels, r.nonce);
                    listener.onProgress(session.progress(Duration.ofNanos(nanoTime.getAsLong() - startNanos)));
                    if (session.done()) {
                        break; // past the data, batches after the one that found the nonce are not needed
                    }
                }
                return new InitResult.Completed(session.finish());
            } finally {
                // Whatever ends the loop (cancel, error, nonce found), batches still running must stop and hand their
                // batcher back before this returns; their results are dropped.
                draining.set(true);
                for (InFlight b : inFlight) {
                    try {
                        b.result.join();
                    } catch (CompletionException ignored) {
                        // already failing or finished: nothing of it is used
                    }
                }
                draining.set(false);
                synchronized (idle) {
                    idle.forEach(LabelBatcher::close);
                    idle.clear();
                }
            }
        }

        private InFlight submit(Batch batch) {
            LabelBatcher polled;
            synchronized (idle) {
                polled = idle.poll();
            }
            // At most concurrency() batches are in flight, so at most that many batchers are ever opened.
            LabelBatcher b = polled != null ? polled : backend.open(commitment, config.scryptN());
            try {
                CompletableFuture<BatchResult> f = CompletableFuture.supplyAsync(() -> {
                    byte[] labels = batch.store() ? new byte[batch.count() * LabelGenerator.LABEL_SIZE] : null;
                    NonceScan scan = session.newNonceScan();
                    boolean complete = b.compute(batch.start(), batch.count(), labels, 0, scan, stop);
                    return new BatchResult(complete, labels, scan);
                }, executor).whenComplete((r, e) -> giveBack(b));
                return new InFlight(batch, f);
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
    }

    private record InFlight(Batch batch, CompletableFuture<BatchResult> result) {}

    private record BatchResult(boolean complete, byte[] labels, NonceScan nonce) {}
}
