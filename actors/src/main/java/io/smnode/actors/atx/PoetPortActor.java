package io.smnode.actors.atx;

import io.smnode.activation.builder.PoetSubmission;
import io.smnode.actors.poet.PoetRegistrations;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.PoetProof;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The ATX builder's port to one PoET, known to the builder by {@code name} (spec 02 §6, 09 §2). A registration asks
 * the PoET for its PoW parameters, has a {@link PowSolver} (on its own dispatcher) solve them and sign the builder's
 * challenge, and submits; a proof fetch asks for the round's proof and has the storage writer keep it before the
 * builder hears of it, so the ATX built on it validates. Where the PoET is — in this node, or behind the HTTP client
 * — is a {@link PoetBackend}. Every request is answered once; no future chains, every step is a message here.
 */
public final class PoetPortActor {
    /** Registration proofs of work are CPU work of seconds: solved on this dispatcher, never on a shared pool. */
    public static final String POW_DISPATCHER = "smnode-poet-pow-dispatcher";

    public sealed interface Command {}

    /** Submit {@code submission} to PoET {@code poet} for a round ending by {@code roundEndBy}. */
    public record Register(String poet, PoetSubmission submission, Instant roundEndBy,
                           ActorRef<RegisterReply> replyTo) implements Command {}

    /** Fetch the proof of {@code round} from PoET {@code poet}. */
    public record FetchProof(String poet, long round, ActorRef<ProofReply> replyTo) implements Command {}

    public sealed interface RegisterReply {}

    public sealed interface ProofReply {}

    /** Accepted into {@code round}, which ends at {@code roundEnd}. */
    public record Registered(String poet, long round, Instant roundEnd) implements RegisterReply {}

    /** The PoET refused the registration (bad signature, authorization, round full, ...). */
    public record Rejected(String poet, String reason) implements RegisterReply {}

    /** No answer (after the transport's own retries), or no proof for the round yet. */
    public record Unavailable(String poet, String detail) implements RegisterReply, ProofReply {}

    /** The round's proof and its members in tree order. */
    public record ProofFound(String poet, PoetProof proof, List<Bytes> members) implements ProofReply {
        public ProofFound {
            members = List.copyOf(members);
        }
    }

    /** The PoET's PoW parameters for registration {@code request}, or why there are none. */
    record PowQuoted(long request, Optional<PowParams> pow, RegisterReply failure) implements Command {}

    /** The solved and signed registration of {@code request}. */
    record PowSolved(long request, SubmitRequest submit) implements Command {}

    /** The PoET's answer to the submission of {@code request}. */
    record Submitted(long request, RegisterReply reply) implements Command {}

    /** The proof of {@code request}'s round, or why there is none. */
    record ProofAnswered(long request, Optional<RoundProof> proof, String detail) implements Command {}

    private record ProofKept(long request, StorageActor.CommitResult result) implements Command {}

    private final ActorContext<Command> ctx;
    private final String name;
    private final PoetBackend backend;
    private final ActorRef<StorageActor.Command> storage;
    private final ActorRef<PowSolver.Solve> solver;
    private final List<NodeId> signers;
    private final Map<Long, Register> registering = new HashMap<>();
    private final Map<Long, FetchProof> fetching = new HashMap<>();
    private final Map<Long, RoundProof> keeping = new HashMap<>();
    private long requests;

    public static Behavior<Command> create(String name, PoetBackend backend, EdSigner signer,
                                           ActorRef<StorageActor.Command> storage) {
        return create(name, backend, List.of(signer), storage);
    }

    /**
     * The port of a node with several identities (a married set's): each registration is signed by the identity
     * its submission names; one of another identity is refused.
     */
    public static Behavior<Command> create(String name, PoetBackend backend, List<EdSigner> signers,
                                           ActorRef<StorageActor.Command> storage) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(PoetPortActor.class);
            return new PoetPortActor(ctx, name, backend, signers, storage).receive();
        });
    }

    private PoetPortActor(ActorContext<Command> ctx, String name, PoetBackend backend, List<EdSigner> signers,
                          ActorRef<StorageActor.Command> storage) {
        this.ctx = ctx;
        this.name = name;
        this.backend = backend;
        this.storage = storage;
        this.signers = signers.stream().map(EdSigner::nodeId).toList();
        this.solver = ctx.spawn(PowSolver.create(signers), "pow", DispatcherSelector.fromConfig(POW_DISPATCHER));
        ctx.watch(solver);
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Register.class, this::onRegister)
                .onMessage(PowQuoted.class, this::onPowQuoted)
                .onMessage(PowSolved.class, s -> {
                    if (registering.containsKey(s.request())) {
                        backend.submit(ctx, s.request(), s.submit());
                    }
                    return Behaviors.same();
                })
                .onMessage(Submitted.class, s -> {
                    Register r = registering.remove(s.request());
                    if (r != null) {
                        r.replyTo().tell(s.reply());
                    }
                    return Behaviors.same();
                })
                .onMessage(FetchProof.class, this::onFetchProof)
                .onMessage(ProofAnswered.class, this::onProofAnswered)
                .onMessage(ProofKept.class, this::onProofKept)
                .build();
    }

    private Behavior<Command> onRegister(Register r) {
        if (!r.poet().equals(name)) {
            r.replyTo().tell(new Rejected(r.poet(), "this port serves PoET " + name + " only"));
            return Behaviors.same();
        }
        if (!signers.contains(r.submission().pubkey())) {
            r.replyTo().tell(new Rejected(r.poet(), "this port signs for " + signers.size()
                    + " identities of this node only, not " + r.submission().pubkey().hex()));
            return Behaviors.same();
        }
        long id = ++requests;
        registering.put(id, r);
        backend.quotePow(ctx, id);
        return Behaviors.same();
    }

    private Behavior<Command> onPowQuoted(PowQuoted q) {
        Register r = registering.get(q.request());
        if (r == null) {
            return Behaviors.same();
        }
        if (q.pow().isEmpty()) {
            registering.remove(q.request());
            r.replyTo().tell(q.failure());
            return Behaviors.same();
        }
        solver.tell(new PowSolver.Solve(q.request(), r.submission().pubkey(),
                Bytes.of(r.submission().challenge().toByteArray()),
                q.pow().get(), r.roundEndBy(), ctx.getSelf()));
        return Behaviors.same();
    }

    private Behavior<Command> onFetchProof(FetchProof f) {
        if (!f.poet().equals(name)) {
            f.replyTo().tell(new Unavailable(f.poet(), "this port serves PoET " + name + " only"));
            return Behaviors.same();
        }
        long id = ++requests;
        fetching.put(id, f);
        backend.proof(ctx, id, f.round());
        return Behaviors.same();
    }

    private Behavior<Command> onProofAnswered(ProofAnswered p) {
        FetchProof f = fetching.get(p.request());
        if (f == null) {
            return Behaviors.same();
        }
        if (p.proof().isEmpty()) {
            fetching.remove(p.request());
            f.replyTo().tell(new Unavailable(name, p.detail()));
            return Behaviors.same();
        }
        keeping.put(p.request(), p.proof().get());
        ctx.ask(StorageActor.CommitResult.class, storage, StorageAsk.TIMEOUT,
                to -> new StorageActor.Commit(StoredPoetProofs.keep(p.proof().get(), Bytes.EMPTY), to),
                (result, failure) -> new ProofKept(p.request(), StorageAsk.result(result, failure)));
        return Behaviors.same();
    }

    private Behavior<Command> onProofKept(ProofKept k) {
        FetchProof f = fetching.remove(k.request());
        RoundProof proof = keeping.remove(k.request());
        if (f == null || proof == null) {
            return Behaviors.same();
        }
        if (k.result() instanceof StorageActor.Rejected r) {
            f.replyTo().tell(new Unavailable(name, "keeping the proof of round " + f.round() + " failed: "
                    + r.reason()));
        } else {
            f.replyTo().tell(new ProofFound(name, proof.proof(), proof.members()));
        }
        return Behaviors.same();
    }

    /** Solves a registration's PoW and signs its challenge, one at a time, off the port's thread. */
    static final class PowSolver {
        private PowSolver() {}

        record Solve(long request, NodeId identity, Bytes challenge, PowParams pow, Instant deadline,
                     ActorRef<Command> replyTo) {}

        static Behavior<Solve> create(List<EdSigner> signers) {
            return Behaviors.receiveMessage(s -> {
                EdSigner signer = signers.stream().filter(x -> x.nodeId().equals(s.identity())).findFirst()
                        .orElseThrow();
                SubmitRequest request = PoetRegistrations.withPow(signer, s.challenge(), s.pow(),
                        Optional.of(s.deadline()));
                s.replyTo().tell(new PowSolved(s.request(), request));
                return Behaviors.same();
            });
        }
    }
}
