package io.smnode.actors.cluster;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.post.PostProving;
import io.smnode.actors.post.PostSupervisor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.core.types.NodeId;
import io.smnode.post.init.InitException;
import io.smnode.post.init.MetadataJson;
import io.smnode.post.init.PostMetadata;
import io.smnode.post.label.LabelBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * The post role of a member: {@link PostRangeWorker}s (one per GPU or CPU thread) that pull label ranges from the
 * consensus member's {@link PostInitCoordinator} and write this member's disk under {@code root}, and one prover
 * per identity whose data here is complete, registered under {@link PostProvers#key} so that proofs for that
 * identity are asked of this member. Identities completed before a restart are found in {@code root} at start.
 */
public final class PostMember {
    private PostMember() {}

    public sealed interface Command {}

    private record CoordinatorsChanged(Receptionist.Listing listing) implements Command {}

    private record Completed(PostRangeWorker.IdentityComplete identity) implements Command {}

    /** Makes the prover of one identity's complete data (on the proving dispatcher, once). */
    @FunctionalInterface
    public interface Provers {
        PostProving create(Path dir, PostMetadata metadata) throws Exception;
    }

    /**
     * @param root     where this member keeps the data of the identities it initializes (a directory each)
     * @param backends one worker per entry (a GPU, or the CPU backend once per thread)
     */
    public record Setup(ComponentFactory factory, Path root, List<LabelBackend> backends, Provers provers) {
        public Setup {
            backends = List.copyOf(backends);
            if (backends.isEmpty()) {
                throw new IllegalArgumentException("a post member needs at least one label backend");
            }
        }
    }

    public static Behavior<Command> create(Setup setup) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(PostMember.class);
            Files.createDirectories(setup.root());
            State state = new State(ctx, setup);
            for (Path dir : completeIdentities(setup.root())) {
                state.prover(dir, MetadataJson.read(Files.readAllBytes(dir.resolve(PostMetadata.FILE_NAME))));
            }
            ctx.getSystem().receptionist().tell(Receptionist.subscribe(PostInitCoordinator.KEY,
                    ctx.messageAdapter(Receptionist.Listing.class, CoordinatorsChanged::new)));
            ctx.getLog().info("post member: {} worker(s) ({}) write under {}", setup.backends().size(),
                    setup.backends().get(0).name(), setup.root());
            return state.behavior();
        });
    }

    /** Identity directories under {@code root} whose metadata holds a nonce: initialized, ready to prove. */
    static List<Path> completeIdentities(Path root) throws IOException {
        List<Path> complete = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : (Iterable<Path>) dirs.sorted(Comparator.naturalOrder())::iterator) {
                Path meta = dir.resolve(PostMetadata.FILE_NAME);
                if (!Files.isRegularFile(meta)) {
                    continue;
                }
                try {
                    if (MetadataJson.read(Files.readAllBytes(meta)).nonce().isPresent()) {
                        complete.add(dir);
                    }
                } catch (InitException e) {
                    // Not a PoST directory of ours: left alone.
                }
            }
        }
        return complete;
    }

    private static final class State {
        private final ActorContext<Command> ctx;
        private final Setup setup;
        private final ActorRef<PostRangeWorker.IdentityComplete> completions;
        private final ProducerWorkers<PostInitCoordinator.Command, PostRangeWorker.Command> workers;
        private final Set<NodeId> proving = new HashSet<>();

        State(ActorContext<Command> ctx, Setup setup) {
            this.ctx = ctx;
            this.setup = setup;
            this.completions = ctx.messageAdapter(PostRangeWorker.IdentityComplete.class, Completed::new);
            this.workers = new ProducerWorkers<>(setup.backends().size());
        }

        Behavior<Command> behavior() {
            return Behaviors.receive(Command.class)
                    .onMessage(CoordinatorsChanged.class, this::onCoordinators)
                    .onMessage(Completed.class, c -> {
                        prover(c.identity().dir(), c.identity().metadata());
                        return Behaviors.same();
                    })
                    .build();
        }

        private Behavior<Command> onCoordinators(CoordinatorsChanged changed) {
            int[] next = {0};
            boolean moved = workers.follow(ctx, changed.listing().getServiceInstances(PostInitCoordinator.KEY),
                    (coordinator, name) -> ctx.spawn(setup.factory().behavior(ComponentNames.POST,
                            PostRangeWorker.Command.class, PostRangeWorker.create(setup.backends().get(next[0]++),
                                    setup.root(), coordinator, completions), Supervision.DEFAULT),
                            "range-worker-" + name, DispatcherSelector.fromConfig(PostSupervisor.DISPATCHER)));
            if (moved) {
                workers.producer().ifPresent(c -> ctx.getLog().info("{} PoST range worker(s) pull from {}",
                        workers.workers().size(), c.path()));
            }
            return Behaviors.same();
        }

        void prover(Path dir, PostMetadata metadata) {
            if (!proving.add(metadata.nodeId())) {
                return;
            }
            ActorRef<ProvingWorker.Prove> prover = ctx.spawn(
                    ProvingWorker.create(m -> setup.provers().create(dir, m), metadata),
                    "prover-" + metadata.nodeId().hex(), DispatcherSelector.fromConfig(ProvingWorker.DISPATCHER));
            ctx.getSystem().receptionist().tell(Receptionist.register(PostProvers.key(metadata.nodeId()), prover));
            ctx.getLog().info("proving for {} from {}", metadata.nodeId().hex(), dir);
        }
    }
}
