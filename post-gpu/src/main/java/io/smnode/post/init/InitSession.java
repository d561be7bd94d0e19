package io.smnode.post.init;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One initialization of one directory, step by step, for whoever computes the labels (the {@link Initializer}'s
 * threads, a pool of actors). It plans the batches ({@link #nextBatch}), takes computed batches in any order
 * ({@link #accept}) and writes them strictly in label order: each data batch at its own offsets and fsynced before
 * the {@link Checkpoint} that covers it is atomically replaced, so a kill at any moment leaves a checkpoint that never
 * claims more than is on disk. It merges the batches' nonce candidates, switches to the nonce search past the data
 * when the data holds none, and writes the final metadata ({@link #finish}).
 *
 * <p>Not thread-safe: one caller drives it. A batch may be handed out again (say its worker crashed) and accepted
 * twice; the second copy is ignored, as are batches that arrive after the session is {@link #done}. Callers bound how
 * far ahead of the write position they compute: batches accepted ahead of it are held in memory until it reaches them.
 */
public final class InitSession implements Closeable {
    private final InitConfig config;
    private final Path dir;
    private final FileLayout layout;
    private final DataFiles files;
    private final byte[] threshold;
    private final NonceScan nonce;
    /** Computed batches that wait for the ones before them, by start. */
    private final TreeMap<Long, Computed> waiting = new TreeMap<>();
    private long labelsDone;
    private OptionalLong lastPosition;
    /** The start of the next batch to plan. */
    private long planNext;
    /** The start of the next batch to write (or, past the data, to merge). */
    private long writeNext;
    private boolean searching;
    private long computedHere;

    /** How opening a directory went: already complete (nothing to do), or a session that continues it. */
    public sealed interface Opened {
        record AlreadyComplete(PostMetadata metadata) implements Opened {}

        record Resumed(InitSession session) implements Opened {}
    }

    /**
     * Opens {@code dir} for {@code config}: creates it, checks that what it holds belongs to this identity and size,
     * and continues from its checkpoint.
     *
     * @throws InitException when the directory belongs to another identity or configuration, or its files are bad
     */
    public static Opened open(Path dir, InitConfig config) throws IOException, InitException {
        Files.createDirectories(dir);
        FileLayout layout = config.layout();
        Optional<PostMetadata> existing = Initializer.readMetadata(dir);
        if (existing.isPresent()) {
            requireSameConfig(dir, config, existing.get());
        }
        Optional<Checkpoint> saved = Initializer.readCheckpoint(dir);
        if (saved.isEmpty() && existing.isPresent() && existing.get().nonce().isPresent()) {
            if (!DataFiles.complete(dir, layout)) {
                throw new InitException(InitException.Reason.BAD_DATA_FILES,
                        "metadata says initialized but data files are missing or have the wrong size in " + dir);
            }
            return new Opened.AlreadyComplete(existing.get());
        }
        Checkpoint start = saved.orElse(Checkpoint.START);
        if (start.labelsDone() > layout.totalLabels()) {
            throw new InitException(InitException.Reason.BAD_METADATA,
                    "checkpoint claims " + start.labelsDone() + " labels of " + layout.totalLabels());
        }
        if (existing.isEmpty()) {
            AtomicFiles.write(dir.resolve(PostMetadata.FILE_NAME), MetadataJson.write(config.unfinishedMetadata()));
        }
        DataFiles files = new DataFiles(dir, layout);
        try {
            files.removeRedundant();
            files.truncateOversized();
        } catch (IOException | RuntimeException e) {
            files.close();
            throw e;
        }
        return new Opened.Resumed(new InitSession(dir, config, layout, files, start));
    }

    private InitSession(Path dir, InitConfig config, FileLayout layout, DataFiles files, Checkpoint from) {
        this.dir = dir;
        this.config = config;
        this.layout = layout;
        this.files = files;
        this.threshold = VrfDifficulty.threshold(config.totalLabels());
        this.nonce = new NonceScan(threshold);
        this.labelsDone = from.labelsDone();
        this.lastPosition = from.lastPosition();
        this.planNext = labelsDone;
        this.writeNext = labelsDone;
        from.nonce().ifPresent(i -> nonce.offer(i, from.nonceOutput().orElseThrow().toByteArray(), 0));
    }

    private static void requireSameConfig(Path dir, InitConfig config, PostMetadata m) throws InitException {
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

    /** The commitment whose labels this session needs. */
    public Hash32 commitment() {
        return config.commitment();
    }

    public InitConfig config() {
        return config;
    }

    /** A fresh scan with this directory's VRF threshold, for one batch's nonce candidates. */
    public NonceScan newNonceScan() {
        return new NonceScan(threshold);
    }

    /** The VRF nonce threshold (32 bytes, big-endian) for scans computed elsewhere. */
    public Bytes nonceThreshold() {
        return Bytes.of(threshold);
    }

    /**
     * The next batch to compute, or empty when none is due now: either the session is {@link #done}, or the data is
     * all handed out and the search past it can only start once the data is written and holds no nonce.
     */
    public Optional<Batch> nextBatch() {
        long total = layout.totalLabels();
        if (planNext < total) {
            Batch b = new Batch(planNext, (int) Math.min(config.batchLabels(), total - planNext), true);
            planNext = b.end();
            return Optional.of(b);
        }
        if (labelsDone < total || nonce.found()) {
            return Optional.empty();
        }
        if (!searching) {
            // Spec 08 §1.4: no qualifying label in the data; keep computing (not storing) past it.
            searching = true;
            planNext = Math.max(total, lastPosition.orElse(total));
            writeNext = planNext;
        }
        Batch b = new Batch(planNext, (int) Math.min(config.batchLabels(), Long.MAX_VALUE - planNext), false);
        planNext = b.end();
        return Optional.of(b);
    }

    /**
     * Takes one computed batch: its labels ({@code 16·count} bytes, null for a batch that is not stored) and the scan
     * its outputs were offered to. Writes it, and every waiting batch that it unblocks, in order.
     */
    public void accept(Batch batch, byte[] labels, NonceScan scan) throws IOException {
        if (batch.store() && (labels == null || labels.length != batch.count() * LabelGenerator.LABEL_SIZE)) {
            throw new IllegalArgumentException("a data batch of " + batch.count() + " labels needs "
                    + batch.count() * LabelGenerator.LABEL_SIZE + " bytes");
        }
        if (done() || batch.start() < writeNext) {
            return; // a second copy of a batch already written, or the run no longer needs it
        }
        waiting.put(batch.start(), new Computed(batch, labels, scan));
        Computed next;
        while (!done() && (next = waiting.remove(writeNext)) != null) {
            write(next);
        }
        if (done()) {
            waiting.clear();
        }
    }

    private void write(Computed c) throws IOException {
        nonce.merge(c.scan);
        computedHere += c.batch.count();
        if (c.batch.store()) {
            files.write(c.batch.start(), c.labels, c.batch.count());
            labelsDone = c.batch.end();
        } else {
            lastPosition = OptionalLong.of(c.batch.start());
        }
        writeNext = c.batch.end();
        Checkpoint saved = nonce.found()
                ? new Checkpoint(labelsDone, OptionalLong.of(nonce.index()), Optional.of(Bytes.wrap(nonce.output())),
                lastPosition)
                : new Checkpoint(labelsDone, OptionalLong.empty(), Optional.empty(), lastPosition);
        AtomicFiles.write(dir.resolve(Checkpoint.FILE_NAME), saved.toJson());
    }

    /** Batches accepted ahead of the write position, held in memory. */
    public int waitingBatches() {
        return waiting.size();
    }

    /** Labels durable on disk. */
    public long labelsDone() {
        return labelsDone;
    }

    /** Whether the data is complete and the nonce known: {@link #finish} is all that is left. */
    public boolean done() {
        return labelsDone == layout.totalLabels() && nonce.found();
    }

    /**
     * Where the run stands, with the rate of the labels this session has written over {@code elapsed} (the time since
     * it was opened, read from the caller's clock).
     */
    public InitProgress progress(Duration elapsed) {
        double rate = computedHere * 1e9 / Math.max(1, elapsed.toNanos());
        long left = layout.totalLabels() - labelsDone;
        Optional<Duration> eta = rate > 0 && left > 0
                ? Optional.of(Duration.ofNanos((long) (left / rate * 1e9))) : Optional.empty();
        return new InitProgress(labelsDone, layout.totalLabels(), searching ? writeNext : labelsDone, rate, eta,
                nonce.found());
    }

    /** Writes the final metadata and removes the checkpoint; only once {@link #done}. */
    public PostMetadata finish() throws IOException {
        if (!done()) {
            throw new IllegalStateException("initialization is not done: " + labelsDone + " labels, nonce "
                    + (nonce.found() ? "found" : "not found"));
        }
        byte[] out = nonce.output();
        PostMetadata m = new PostMetadata(config.nodeId(), config.commitmentAtxId(), config.labelsPerUnit(),
                config.numUnits(), config.maxFileSize(), OptionalLong.of(nonce.index()),
                Optional.of(Bytes.wrap(Arrays.copyOf(out, LabelGenerator.LABEL_SIZE))), lastPosition);
        AtomicFiles.write(dir.resolve(PostMetadata.FILE_NAME), MetadataJson.write(m));
        AtomicFiles.delete(dir.resolve(Checkpoint.FILE_NAME));
        return m;
    }

    @Override
    public void close() throws IOException {
        waiting.clear();
        files.close();
    }

    /** A batch waiting for its turn to be written. */
    private static final class Computed {
        final Batch batch;
        final byte[] labels;
        final NonceScan scan;

        Computed(Batch batch, byte[] labels, NonceScan scan) {
            this.batch = batch;
            this.labels = labels;
            this.scan = scan;
        }
    }
}
