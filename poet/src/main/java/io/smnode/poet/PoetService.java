package io.smnode.poet;

import io.smnode.core.signing.Ed25519;
import io.smnode.core.types.Bytes;
import io.smnode.poet.SubmitResult.Accepted;
import io.smnode.poet.SubmitResult.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PoET server's logic as a single-threaded state machine (spec 09 §1, §2, §7): registrations are checked in
 * the reference's order and persisted through a {@link RegistrationStore}; time enters only as arguments. When
 * {@link #advance} sees a round's end pass, it builds that round's membership tree, runs the sequential-work
 * prover for the configured number of leaves, stores the proof and rotates the PoW challenge to the proof's root.
 * Transport (gRPC/HTTP) and threading belong to the caller.
 */
public final class PoetService {
    private final PoetConfig config;
    private final RegistrationStore store;
    private final TreeStoreFactory treeStores;
    /** The first round this server is responsible for proving. */
    private final long firstRound;
    private PowParams currentPow;
    private Optional<PowParams> previousPow = Optional.empty();

    /** Opens the service over {@code store}, picking up registrations and proofs of an earlier run. */
    public PoetService(PoetConfig config, RegistrationStore store, TreeStoreFactory treeStores, Instant now) {
        this.config = config;
        this.store = store;
        this.treeStores = treeStores;
        long open = config.schedule().openRound(now);
        this.firstRound = Math.min(open, store.lowestRound().orElse(open));
        this.currentPow = config.initialPowParams();
        // As the reference after each finished round, the latest proof's root is the live PoW challenge.
        store.latestProof().ifPresent(p -> rotatePow(p.proof().merkleProof().root()));
    }

    /** Where a round's tree layers go: in memory for tests, a round directory on a server. */
    @FunctionalInterface
    public interface TreeStoreFactory {
        TreeStore open(long round);
    }

    public SubmitResult submit(SubmitRequest req, Instant now) {
        if (req.pubkey().length() != Ed25519.PUBLIC_KEY_LENGTH) {
            return new Rejected(RejectReason.INVALID_PUBKEY, "invalid public key");
        }
        byte[] signed = concat(req.prefix(), req.challenge());
        if (!Ed25519.verify(req.pubkey().toByteArray(), signed, req.signature().toByteArray())) {
            return new Rejected(RejectReason.INVALID_SIGNATURE, "invalid signature");
        }
        if (req.certificatePubkeyHint().isPresent() && req.certificatePubkeyHint().get().length() != 4) {
            return new Rejected(RejectReason.INVALID_CERTIFICATE_HINT, "invalid certificate public key hint");
        }
        Optional<Rejected> unauthorized = authorize(req, now);
        if (unauthorized.isPresent()) {
            return unauthorized.get();
        }
        long round = config.schedule().openRound(now);
        Instant end = config.schedule().roundEnd(round);
        if (req.deadline().isPresent() && end.isAfter(req.deadline().get())) {
            return new Rejected(RejectReason.TOO_LATE, "round " + round + " ends at " + end + ", after the deadline");
        }
        // As the reference, the cap is checked before the duplicate lookup, so a full round refuses a repeat too.
        if (store.memberCount(round) >= config.maxRoundMembers()) {
            return new Rejected(RejectReason.ROUND_FULL, "round " + round + " is full");
        }
        Optional<Bytes> registered = store.registration(round, req.pubkey());
        if (registered.isEmpty()) {
            store.saveRegistration(round, req.pubkey(), req.challenge());
        } else if (!registered.get().equals(req.challenge())) {
            return new Rejected(RejectReason.CONFLICTING_REGISTRATION, "another challenge is registered");
        }
        return new Accepted(round, RoundSchedule.roundId(round), Duration.between(now, end));
    }

    /** Certificate when a certifier is configured and one is offered, else the legacy PoW (spec 09 §2.1 step 3). */
    private Optional<Rejected> authorize(SubmitRequest req, Instant now) {
        if (config.certifier().isPresent() && req.certificate().isPresent()) {
            return CertificateCheck.verify(config.certifier().get(), req.certificate().get(),
                    req.certificatePubkeyHint(), req.pubkey(), now)
                    ? Optional.empty()
                    : Optional.of(new Rejected(RejectReason.INVALID_CERTIFICATE, "invalid certificate"));
        }
        PowParams quoted = req.powParams();
        if (!quoted.equals(currentPow) && !previousPow.map(quoted::equals).orElse(false)) {
            return Optional.of(new Rejected(RejectReason.INVALID_POW_PARAMS, "invalid proof of work parameters"));
        }
        if (!Pow.verify(quoted.challenge().toByteArray(), req.pubkey().toByteArray(),
                req.challenge().toByteArray(), req.nonce(), quoted.difficulty())) {
            return Optional.of(new Rejected(RejectReason.INVALID_POW, "invalid proof of work"));
        }
        return Optional.empty();
    }

    /**
     * Brings the service to {@code now}: every round of this server whose end has passed and which has no proof
     * yet is proven now, oldest first. Returns the proofs made by this call.
     */
    public List<RoundProof> advance(Instant now) {
        List<RoundProof> made = new ArrayList<>();
        long open = config.schedule().openRound(now);
        for (long round = firstRound; round < open; round++) {
            if (!config.schedule().isEnded(round, now) || store.proof(round).isPresent()) {
                continue;
            }
            RoundProof proof = prove(round);
            store.saveProof(proof);
            rotatePow(proof.proof().merkleProof().root());
            made.add(proof);
        }
        return made;
    }

    private RoundProof prove(long round) {
        List<Bytes> members = new ArrayList<>(store.registrations(round).values());
        Bytes statement = MembershipTree.root(members);
        try (TreeStore tree = treeStores.open(round)) {
            PoswProver prover = PoswProver.start(statement, tree);
            prover.addLeaves(config.effectiveLeaves());
            return new RoundProof(round, prover.proof(), members);
        }
    }

    private void rotatePow(Bytes root) {
        previousPow = Optional.of(currentPow);
        currentPow = new PowParams(root, config.initialPowParams().difficulty());
    }

    /** The round registrations go to at {@code now}; rounds below it are closed. */
    public long openRound(Instant now) {
        return config.schedule().openRound(now);
    }

    /** {@code Proof(round_id)}: empty (NotFound) until the round is proven. */
    public Optional<RoundProof> proof(long round) {
        return store.proof(round);
    }

    public PoetInfo info() {
        Optional<PoetInfo.Certifier> certifier = config.certifier().map(c -> new PoetInfo.Certifier(c.url(),
                c.defaultPubKey().orElse(Bytes.EMPTY)));
        return new PoetInfo(config.servicePubKey(), config.schedule().phaseShift(), config.schedule().cycleGap(),
                certifier);
    }

    public PowParams powParams() {
        return currentPow;
    }

    private static byte[] concat(Bytes a, Bytes b) {
        byte[] out = new byte[a.length() + b.length()];
        a.copyTo(out, 0);
        b.copyTo(out, a.length());
        return out;
    }
}
