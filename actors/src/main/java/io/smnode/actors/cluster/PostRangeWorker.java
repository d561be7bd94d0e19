package io.smnode.actors.cluster;

import io.smnode.actors.post.NonceCandidate;
import io.smnode.actors.serialization.ClusterMessage;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.post.init.AtomicFiles;
import io.smnode.post.init.DataFiles;
import io.smnode.post.init.MetadataJson;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.init.VrfDifficulty;
import io.smnode.post.label.LabelBackend;
import io.smnode.post.label.LabelBatcher;
import io.smnode.post.label.LabelGenerator;
import io.smnode.post.label.NonceScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * A post member's worker: pulls {@link PostRange}s from the {@link PostInitCoordinator}, computes their labels with
 * its backend (a CPU thread or a GPU) and writes them into {@code <root>/<identity>/postdata_<k>.bin} at the offsets
 * a local initialization uses (post-gpu's {@link DataFiles}: written, then fsynced). A range's completion and nonce
 * candidate are kept in a small checkpoint file beside the data, so a range done before a crash or a coordinator
 * restart is not computed again. Blocks its thread while computing: spawn it on the PoST dispatcher.
 */
public final class PostRangeWorker extends AbstractBehavior<PostRangeWorker.Command> {
    /** Labels computed and written at once: bounds the buffer (1 MiB) and how late a stop is noticed. */
    static final int CHUNK_LABELS = 1 << 16;
    static final String RANGES_DIR = "ranges";

    public sealed interface Command {}

    /** Compute {@code range} and answer the coordinator. */
    public record Compute(PostRange range) implements Command, ClusterMessage {}

    /** Every range of the identity is done: write its final metadata; the data here is complete. */
    public record Finish(PostMetadata metadata) implements Command, ClusterMessage {}

    /** Told to the member (locally, never across machines) when an identity's data here is complete. */
    public record IdentityComplete(Path dir, PostMetadata metadata) implements NoSerializationVerificationNeeded {}

    private final LabelBackend backend;
    private final Path root;
    private final ActorRef<PostInitCoordinator.Command> coordinator;
    private final ActorRef<IdentityComplete> member;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Hash32 openCommitment;
    private int openN;
    private LabelBatcher batcher;

    public static Behavior<Command> create(LabelBackend backend, Path root,
                                           ActorRef<PostInitCoordinator.Command> coordinator,
                                           ActorRef<IdentityComplete> member) {
        return Behaviors.setup(ctx -> new PostRangeWorker(ctx, backend, root, coordinator, member));
    }

    private PostRangeWorker(ActorContext<Command> ctx, LabelBackend backend, Path root,
                            ActorRef<PostInitCoordinator.Command> coordinator, ActorRef<IdentityComplete> member) {
        super(ctx);
        ctx.setLoggerName(PostRangeWorker.class);
        this.backend = backend;
        this.root = root;
        this.coordinator = coordinator;
        this.member = member;
        coordinator.tell(new PostInitCoordinator.WorkerReady(ctx.getSelf()));
    }

    /** Where this member keeps {@code identity}'s data. */
    public static Path identityDir(Path root, io.smnode.core.types.NodeId identity) {
        return root.resolve(identity.hex());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Compute.class, this::onCompute)
                .onMessage(Finish.class, this::onFinish)
                .onSignal(PreRestart.class, s -> close())
                .onSignal(PostStop.class, s -> {
                    stopping.set(true);
                    return close();
                })
                .build();
    }

    private Behavior<Command> onCompute(Compute c) throws IOException {
        PostRange range = c.range();
        try {
            Optional<Optional<NonceCandidate>> done = range.store() ? readCheckpoint(range) : Optional.empty();
            Optional<NonceCandidate> nonce = done.isPresent() ? done.get() : compute(range);
            if (stopping.get()) {
                return this;
            }
            coordinator.tell(new PostInitCoordinator.RangeDone(getContext().getSelf(), range, nonce));
        } catch (IOException | RuntimeException e) {
            coordinator.tell(new PostInitCoordinator.RangeFailed(getContext().getSelf(), range, e.toString()));
            throw e; // restarted with a fresh batcher (a GPU context that faulted is not reused)
        }
        return this;
    }

    private Optional<NonceCandidate> compute(PostRange range) throws IOException {
        Path dir = identityDir(root, range.config().nodeId());
        Files.createDirectories(dir);
        NonceScan scan = new NonceScan(VrfDifficulty.threshold(range.config().totalLabels()));
        LabelBatcher labels = batcher(range.config().commitment(), range.config().scryptN());
        byte[] buffer = range.store() ? new byte[Math.min(CHUNK_LABELS, range.count()) * LabelGenerator.LABEL_SIZE]
                : null;
        try (DataFiles files = range.store() ? new DataFiles(dir, range.config().layout()) : null) {
            for (long at = range.start(); at < range.end(); at += CHUNK_LABELS) {
                int n = (int) Math.min(CHUNK_LABELS, range.end() - at);
                if (!labels.compute(at, n, buffer, 0, scan, stopping::get)) {
                    return Optional.empty(); // stopping: nothing is reported
                }
                if (files != null) {
                    files.write(at, buffer, n);
                }
            }
        }
        Optional<NonceCandidate> nonce = scan.found()
                ? Optional.of(new NonceCandidate(scan.index(), Bytes.wrap(scan.output()))) : Optional.empty();
        if (range.store()) {
            writeCheckpoint(range, nonce);
        }
        return nonce;
    }

    private Behavior<Command> onFinish(Finish f) throws IOException {
        Path dir = identityDir(root, f.metadata().nodeId());
        AtomicFiles.write(dir.resolve(PostMetadata.FILE_NAME), MetadataJson.write(f.metadata()));
        Path ranges = dir.resolve(RANGES_DIR);
        if (Files.isDirectory(ranges)) {
            try (Stream<Path> files = Files.walk(ranges)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        getContext().getLog().info("PoST data of {} complete in {}", f.metadata().nodeId().hex(), dir);
        member.tell(new IdentityComplete(dir, f.metadata()));
        coordinator.tell(new PostInitCoordinator.Finished(getContext().getSelf(), f.metadata()));
        return this;
    }

    private LabelBatcher batcher(Hash32 commitment, int n) {
        if (batcher == null || !commitment.equals(openCommitment) || n != openN) {
            close();
            batcher = backend.open(commitment, n);
            openCommitment = commitment;
            openN = n;
        }
        return batcher;
    }

    private Behavior<Command> close() {
        if (batcher != null) {
            batcher.close();
            batcher = null;
        }
        return this;
    }

    /** The checkpoint of a data range: which commitment, N and layout it was computed for, and its nonce candidate. */
    private Path checkpointFile(PostRange range) {
        return identityDir(root, range.config().nodeId()).resolve(RANGES_DIR)
                .resolve(range.start() + "-" + range.count() + ".done");
    }

    private Properties checkpointOf(PostRange range, Optional<NonceCandidate> nonce) {
        Properties p = new Properties();
        p.setProperty("commitment", range.config().commitment().hex());
        p.setProperty("scrypt-n", Integer.toString(range.config().scryptN()));
        p.setProperty("max-file-size", Long.toString(range.config().maxFileSize()));
        nonce.ifPresent(n -> {
            p.setProperty("nonce", Long.toString(n.index()));
            p.setProperty("nonce-output", n.output().hex());
        });
        return p;
    }

    private void writeCheckpoint(PostRange range, Optional<NonceCandidate> nonce) throws IOException {
        Path file = checkpointFile(range);
        Files.createDirectories(file.getParent());
        java.io.StringWriter text = new java.io.StringWriter();
        checkpointOf(range, nonce).store(text, null);
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The nonce candidate of a range done before, when its checkpoint matches this range's identity and layout. */
    private Optional<Optional<NonceCandidate>> readCheckpoint(PostRange range) throws IOException {
        Path file = checkpointFile(range);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(in);
        }
        Properties want = checkpointOf(range, Optional.empty());
        for (String key : want.stringPropertyNames()) {
            if (!want.getProperty(key).equals(saved.getProperty(key))) {
                return Optional.empty();
            }
        }
        String index = saved.getProperty("nonce");
        return Optional.of(index == null ? Optional.empty() : Optional.of(new NonceCandidate(Long.parseLong(index),
                Bytes.ofHex(saved.getProperty("nonce-output")))));
    }
}
