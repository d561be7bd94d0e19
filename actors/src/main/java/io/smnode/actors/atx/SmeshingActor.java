package io.smnode.actors.atx;

import io.smnode.activation.AtxRule;
import io.smnode.activation.builder.AtxBuilder;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.activation.builder.BuilderStateException;
import io.smnode.activation.builder.BuilderState;
import io.smnode.activation.builder.MarriageLifecycle;
import io.smnode.activation.builder.MarriageLifecycle.Facts;
import io.smnode.activation.builder.MarriageLifecycle.KnownMarriage;
import io.smnode.activation.builder.MarriageLifecycle.Married;
import io.smnode.activation.builder.MarriageLifecycle.Merged;
import io.smnode.activation.builder.MarriageLifecycle.Solo;
import io.smnode.activation.builder.MarriageLifecycle.Stage;
import io.smnode.activation.builder.SetVrfNonce;
import io.smnode.activation.builder.SmesherSetup;
import io.smnode.actors.clock.ClockTime;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.Reads;
import io.smnode.persistence.atx.BuilderStates;
import io.smnode.persistence.atx.OwnMarriage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * This node's smeshing identities (spec 02 §5), component {@code smeshing}: waits until each identity's PoST data is
 * ready, makes its initial PoST proof, then runs the PoET port (signing for every identity) and the ATX builders as
 * its children. Publishing an ATX hands its bytes to the node's own ATX handler first: the ATX is validated and
 * stored exactly as a peer's would be, the verdict is logged, and only an accepted ATX goes on to the peers
 * ({@link AtxGossip}). A handler that does not judge it (restarting, its queue full) is asked again until the ATX's
 * publish window closes.
 *
 * <p>One identity runs one builder. Several are a married set (spec 11 §4) whose builders follow the
 * {@link MarriageLifecycle}: each identity alone until all have an ATX, the first one's next v2 ATX marrying them,
 * each alone up to the epoch after the marriage, then the set's merged ATXs. The stage is decided again from the
 * store (builder states, the recorded marriage) after every own ATX the handler accepts and at every epoch start;
 * when it changes, the builders are stopped and, once they are gone, the next stage's are opened over their saved
 * states.
 */
public final class SmeshingActor {
    /**
     * How long the handler may take to judge an own ATX (validation, then the commit: well under a second). Short,
     * because a handler that crashed on the hand-over never answers, and the ATX must be judged before the next
     * epoch's ATX builds on it; a slower judgement only means the ATX is handed over again and found stored.
     */
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(4);
    /** How often the wish to hear that PoST is ready is repeated. */
    private static final Duration AWAIT_POST_AGAIN = Duration.ofSeconds(30);
    /** The pause before asking a handler that did not judge an own ATX again. */
    private static final Duration REPUBLISH_AFTER = Duration.ofSeconds(1);
    /** Labels tried for the merged ATX's VRF nonce (devnet sizes find one within a few hundred). */
    private static final long SET_NONCE_TRIES = 10_000_000;

    public sealed interface Command {}

    private record AwaitPost() implements Command {}

    private record PostReady(PostServiceActor.Ready ready) implements Command {}

    private record InitialProof(NodeId identity, ProvingWorker.Result result) implements Command {}

    private record Publish(PublishAtx atx) implements Command {}

    private record Judged(PublishAtx atx, Verdict verdict) implements Command {}

    private record HandOverAgain(PublishAtx atx) implements Command {}

    private record EpochStarted() implements Command {}

    /**
     * The identities (one, or a married set's members in set order: the first signs its merged ATXs) and where they
     * register: everything the builders need besides the PoST data.
     *
     * @param scryptN the network's scrypt N (the merged ATX's VRF nonce is searched with it)
     */
    public record Identities(List<EdSigner> signers, Address coinbase, long numUnits, long labelsPerUnit,
                             AtxId golden, BuilderConfig builder, String poetName, PoetBackend poet, int scryptN) {
        public Identities {
            signers = List.copyOf(signers);
            if (signers.isEmpty()) {
                throw new IllegalArgumentException("no smeshing identity");
            }
        }
    }

    /** The components it works with: one PoST component per identity, in the same order. */
    public record Peers(ComponentFactory factory, ActorRef<StorageActor.Command> storage, Reads store,
                        ActorRef<AtxHandlerActor.Command> atxs, List<ActorRef<PostServiceActor.Command>> posts,
                        AtxGossip gossip) {
        public Peers {
            posts = List.copyOf(posts);
        }
    }

    private final ActorContext<Command> ctx;
    private final Identities identities;
    private final Peers peers;
    private final Clock clock;
    private final ActorRef<PublishAtx> publisher;
    private final Map<NodeId, PostServiceActor.Ready> ready = new HashMap<>();
    private final Map<NodeId, SmesherSetup> setups = new HashMap<>();
    private final Set<NodeId> proving = new HashSet<>();
    private final Map<ActorRef<?>, String> builders = new HashMap<>();
    private final Set<ActorRef<?>> stopping = new HashSet<>();
    private ActorRef<PoetPortActor.Command> port;
    private Optional<MarriageLifecycle> lifecycle = Optional.empty();
    private Optional<Stage> stage = Optional.empty();
    private Optional<Stage> next = Optional.empty();

    public static Behavior<Command> create(Identities identities, Peers peers, Clock clock) {
        if (identities.signers().size() != peers.posts().size()) {
            throw new IllegalArgumentException("one PoST component per identity");
        }
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(SmeshingActor.class);
            return new SmeshingActor(ctx, identities, peers, clock).receive();
        });
    }

    private SmeshingActor(ActorContext<Command> ctx, Identities identities, Peers peers, Clock clock) {
        this.ctx = ctx;
        this.identities = identities;
        this.peers = peers;
        this.clock = clock;
        this.publisher = ctx.messageAdapter(PublishAtx.class, Publish::new);
        ctx.getSelf().tell(new AwaitPost());
    }

    private Behavior<Command> receive() {
        // Initialization may take days: no ask timeout fits. The wish is repeated instead, so a PoST component that
        // restarted meanwhile (and forgot its waiters) still answers.
        ActorRef<PostServiceActor.Ready> readyAdapter = ctx.messageAdapter(PostServiceActor.Ready.class,
                PostReady::new);
        return Behaviors.receive(Command.class)
                .onMessage(AwaitPost.class, a -> {
                    if (setups.size() < identities.signers().size()) {
                        peers.posts().forEach(p -> p.tell(new PostServiceActor.AwaitReady(readyAdapter)));
                        ctx.scheduleOnce(AWAIT_POST_AGAIN, ctx.getSelf(), a);
                    }
                    return Behaviors.same();
                })
                .onMessage(PostReady.class, this::onPostReady)
                .onMessage(InitialProof.class, this::onInitialProof)
                .onMessage(Publish.class, p -> {
                    ctx.getLog().info("published ATX {} for epoch {}", p.atx().atx().id().hex(),
                            p.atx().atx().publishEpoch().value());
                    handOver(p.atx());
                    return Behaviors.same();
                })
                .onMessage(HandOverAgain.class, h -> {
                    handOver(h.atx());
                    return Behaviors.same();
                })
                .onMessage(Judged.class, this::onJudged)
                .onMessage(EpochStarted.class, e -> {
                    evaluate();
                    scheduleNextEpoch();
                    return Behaviors.same();
                })
                .onSignal(Terminated.class, this::onTerminated)
                .build();
    }

    private Behavior<Command> onPostReady(PostReady r) {
        NodeId id = r.ready().metadata().nodeId();
        int member = member(id);
        if (member < 0 || !proving.add(id)) {
            return Behaviors.same();
        }
        ready.put(id, r.ready());
        ctx.getLog().info("smeshing as {}: making the initial PoST proof", id.hex());
        ctx.ask(ProvingWorker.Result.class, peers.posts().get(member), Duration.ofHours(2),
                to -> new PostServiceActor.Prove(Hash32.ZERO, to),
                (result, failure) -> new InitialProof(id, result != null ? result
                        : new ProvingWorker.Failed(Hash32.ZERO, String.valueOf(failure))));
        return Behaviors.same();
    }

    private Behavior<Command> onInitialProof(InitialProof p) {
        if (p.result() instanceof ProvingWorker.Failed f) {
            throw new IllegalStateException("the initial PoST proof of " + p.identity().hex() + " failed: "
                    + f.reason());
        }
        ProvingWorker.Proven proven = (ProvingWorker.Proven) p.result();
        long nonce = ready.get(p.identity()).metadata().nonce().orElseThrow();
        EdSigner signer = identities.signers().get(member(p.identity()));
        setups.put(p.identity(), new SmesherSetup(signer, identities.coinbase(), identities.numUnits(),
                identities.labelsPerUnit(), identities.golden(), nonce, proven.post()));
        ctx.getLog().info("PoST ready: VRF nonce {}, initial proof made for {}", nonce, p.identity().hex());
        if (setups.size() == identities.signers().size()) {
            startBuilding();
        }
        return Behaviors.same();
    }

    private void startBuilding() {
        port = peers.factory().spawn(ctx, ComponentNames.POET_PORT, PoetPortActor.Command.class,
                PoetPortActor.create(identities.poetName(), identities.poet(), identities.signers(), peers.storage()),
                Supervision.DEFAULT, Props.empty());
        List<SmesherSetup> members = members();
        if (members.size() == 1) {
            spawnBuilder(ComponentNames.ATX_BUILDER, s -> new AtxBuilder(members.get(0), identities.builder(), s),
                    members.get(0).signer().nodeId(), states(0));
            return;
        }
        lifecycle = Optional.of(new MarriageLifecycle(members, identities.builder().versions(),
                new SetVrfNonce(identities.scryptN(), SET_NONCE_TRIES)));
        ctx.getLog().info("smeshing as a married set of {} identities, {} signing", members.size(),
                members.get(0).signer().nodeId().hex());
        evaluate();
        scheduleNextEpoch();
    }

    // ---- the married set's stages

    /** Decides the stage from the store; a change stops the builders, and the next ones open once they are gone. */
    private void evaluate() {
        if (lifecycle.isEmpty()) {
            return;
        }
        Stage decided;
        try {
            decided = lifecycle.get().decide(facts());
        } catch (IllegalStateException | BuilderStateException e) {
            ctx.getLog().error("the married set's builders stay as they are: {}", e.getMessage());
            return;
        }
        Optional<Stage> planned = next.or(() -> stage);
        if (planned.isPresent() && planned.get().sameBuilders(decided)) {
            return;
        }
        ctx.getLog().info("married set: {}", describe(decided));
        next = Optional.of(decided);
        if (stopping.isEmpty() && builders.isEmpty()) {
            openNext();
        } else {
            builders.keySet().forEach(b -> {
                stopping.add(b);
                ctx.stop(b);
            });
            builders.clear();
        }
    }

    private Facts facts() throws BuilderStateException {
        List<SmesherSetup> members = members();
        List<Optional<io.smnode.activation.ActivationTx>> last = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            last.add(states(i).load().flatMap(BuilderState::lastPublished));
        }
        Optional<KnownMarriage> marriage = OwnMarriage.of(peers.store(),
                members.stream().map(m -> m.signer().nodeId()).toList());
        boolean setStarted = marriage.isPresent()
                && BuilderStates.ofMarriedSet(peers.store(), marriage.get().marriageAtx()).load().isPresent();
        return new Facts(last, marriage, setStarted, identities.builder().epochOf(clock.instant()));
    }

    private Behavior<Command> onTerminated(Terminated t) {
        if (stopping.remove(t.getRef())) {
            if (stopping.isEmpty() && next.isPresent()) {
                openNext();
            }
            return Behaviors.same();
        }
        throw new IllegalStateException("child " + t.getRef().path().name() + " stopped");
    }

    private void openNext() {
        Stage s = next.orElseThrow();
        next = Optional.empty();
        stage = Optional.of(s);
        List<SmesherSetup> members = members();
        if (s instanceof Merged m) {
            spawnBuilder(ComponentNames.ATX_BUILDER + "-set", st -> new AtxBuilder(m.set(), identities.builder(), st),
                    members.get(0).signer().nodeId(),
                    BuilderStates.ofMarriedSet(peers.store(), m.set().marriageAtx()));
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            SmesherSetup member = members.get(i);
            AtxBuilderActor.Opener opener;
            if (s instanceof Married married) {
                opener = st -> new AtxBuilder(member, married.lastSoloEpoch(), identities.builder(), st);
            } else {
                SmesherSetup setup = i == 0 ? ((Solo) s).plan().map(member::marrying).orElse(member) : member;
                opener = st -> new AtxBuilder(setup, identities.builder(), st);
            }
            spawnBuilder(ComponentNames.ATX_BUILDER + "-" + i, opener, member.signer().nodeId(), states(i));
        }
    }

    private static String describe(Stage s) {
        if (s instanceof Solo solo) {
            return solo.plan().map(p -> "marrying in the first signer's ATX of epoch " + p.marryFrom().value()
                    + " or later").orElse("each identity alone until every one has an ATX");
        }
        if (s instanceof Married m) {
            return "married in ATX " + m.marriageAtx().hex() + " of epoch " + m.marriageEpoch().value()
                    + "; each identity alone up to epoch " + m.lastSoloEpoch().value();
        }
        Merged m = (Merged) s;
        return "merged ATXs from epoch " + m.set().firstEpoch().value() + " on (marriage ATX "
                + m.set().marriageAtx().hex() + ", VRF nonce " + Long.toUnsignedString(m.set().vrfNonce()) + ")";
    }

    private void scheduleNextEpoch() {
        BuilderConfig config = identities.builder();
        EpochId nextEpoch = config.epochOf(clock.instant()).next();
        ctx.scheduleOnce(ClockTime.until(clock, config.epochStart(nextEpoch)).plusMillis(100), ctx.getSelf(),
                new EpochStarted());
    }

    // ---- builders

    private void spawnBuilder(String actorName, AtxBuilderActor.Opener opener, NodeId signer, BuilderStates states) {
        Map<NodeId, ActorRef<PostServiceActor.Command>> posts = new HashMap<>();
        for (int i = 0; i < identities.signers().size(); i++) {
            posts.put(identities.signers().get(i).nodeId(), peers.posts().get(i));
        }
        AtxBuilderActor.Peers builderPeers = new AtxBuilderActor.Peers(port, peers.posts().get(member(signer)), posts,
                peers.atxs(), publisher, peers.storage());
        ActorRef<AtxBuilderActor.Command> ref = peers.factory().spawn(ctx, ComponentNames.ATX_BUILDER, actorName,
                AtxBuilderActor.Command.class, AtxBuilderActor.create(opener, signer, states, clock, builderPeers),
                Supervision.DEFAULT, Props.empty());
        builders.put(ref, actorName);
    }

    private List<SmesherSetup> members() {
        return identities.signers().stream().map(s -> setups.get(s.nodeId())).toList();
    }

    private BuilderStates states(int member) {
        return new BuilderStates(peers.store(), identities.signers().get(member).nodeId());
    }

    private int member(NodeId id) {
        for (int i = 0; i < identities.signers().size(); i++) {
            if (identities.signers().get(i).nodeId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // ---- publishing: the loopback to the own handler

    private void handOver(PublishAtx atx) {
        ctx.ask(Verdict.class, peers.atxs(), VERDICT_TIMEOUT,
                to -> new AtxHandlerActor.HandleAtx(Bytes.wrap(atx.atx().encode()), Optional.empty(), to),
                (verdict, failure) -> new Judged(atx, verdict != null ? verdict
                        : Verdict.ignore(CommonRule.TIMEOUT, "no verdict: " + failure)));
    }

    private Behavior<Command> onJudged(Judged j) {
        AtxId id = j.atx().atx().id();
        long epoch = j.atx().atx().publishEpoch().value();
        if (j.verdict().accepted()) {
            ctx.getLog().info("ATX {} for epoch {} accepted by the handler", id.hex(), epoch);
            peers.gossip().publish(Bytes.wrap(j.atx().atx().encode()));
            evaluate();
        } else if (j.verdict().ruleOrNull() == AtxRule.KNOWN) {
            // An earlier try was stored, but its answer was lost (the handler restarted after the commit): the peers
            // may never have had it.
            ctx.getLog().info("ATX {} for epoch {} accepted by the handler (already stored: an earlier answer was lost)",
                    id.hex(), epoch);
            peers.gossip().publish(Bytes.wrap(j.atx().atx().encode()));
            evaluate();
        } else if (j.verdict().ruleOrNull() instanceof CommonRule && clock.instant().isBefore(j.atx().retryUntil())) {
            ctx.getLog().warn("own ATX {} for epoch {} not judged yet ({}); handing it over again", id.hex(), epoch,
                    j.verdict());
            ctx.scheduleOnce(REPUBLISH_AFTER, ctx.getSelf(), new HandOverAgain(j.atx()));
        } else {
            ctx.getLog().warn("own ATX {} for epoch {} not accepted: {}", id.hex(), epoch, j.verdict());
        }
        return Behaviors.same();
    }
}
