package io.smnode.mesh.proposal;

import io.smnode.activation.BallotSlots;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.util.Hex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One honest smesher with an ATX for epoch 2 and everything needed to build and check its ballots. */
final class BallotFixture implements BallotContext {
    static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    static final int LAYERS_PER_EPOCH = 10;
    static final int LAYER_AVG_SIZE = 5;
    static final EpochId EPOCH = EpochId.of(2);
    static final long WEIGHT = 1_000;
    static final long VRF_NONCE = 7;
    static final Beacon BEACON = Beacon.ofHex("01020304");
    static final Hash32 ACTIVE_SET = Hash32.ofHex("aa".repeat(32));
    static final BallotParams PARAMS = new BallotParams(PREFIX, LAYERS_PER_EPOCH, LAYER_AVG_SIZE, 2, 1000);

    final EdSigner signer = EdSigner.fromSeed(Hex.decode("11".repeat(32)), PREFIX);
    final AtxId atx = AtxId.ofHex("cc".repeat(32));
    final long slots = BallotSlots.slots(WEIGHT, LAYER_AVG_SIZE, LAYERS_PER_EPOCH, 0, WEIGHT);
    final Map<AtxId, AtxFacts> atxs = new HashMap<>(Map.of(atx, new AtxFacts(signer.nodeId(), EPOCH, WEIGHT, VRF_NONCE)));
    final Map<BallotId, Ballot> ballots = new HashMap<>();
    final Map<Hash32, Long> activeSets = new HashMap<>(Map.of(ACTIVE_SET, WEIGHT));

    /** The first layer of the epoch in which this smesher holds at least one slot. */
    LayerId eligibleLayer() {
        for (long l = 0; l < LAYERS_PER_EPOCH; l++) {
            LayerId layer = EPOCH.firstLayer(LAYERS_PER_EPOCH).add(l);
            if (!proofs(layer).isEmpty()) {
                return layer;
            }
        }
        throw new IllegalStateException("no eligible layer: slots " + slots);
    }

    List<EligibilityProof> proofs(LayerId layer) {
        return Eligibility.proofsForLayer(signer.vrfSigner(), BEACON, EPOCH, VRF_NONCE, slots, layer, LAYERS_PER_EPOCH);
    }

    Votes emptyVotes() {
        return new Votes(BallotId.ZERO, List.of(), List.of(), List.of());
    }

    Ballot referenceBallot(LayerId layer) {
        InnerBallot inner = new InnerBallot(layer, atx, Hash32.ZERO, BallotId.ZERO,
                Optional.of(new EpochData(ACTIVE_SET, BEACON, slots)));
        return signed(inner, emptyVotes(), proofs(layer));
    }

    Ballot signed(InnerBallot inner, Votes votes, List<EligibilityProof> proofs) {
        Ballot unsigned = new Ballot(inner, Signature.of(new byte[64]), signer.nodeId(), votes, proofs, List.of());
        Signature sig = signer.sign(Domain.BALLOT, unsigned.metadata().encode());
        return new Ballot(inner, sig, signer.nodeId(), votes, proofs, List.of());
    }

    @Override
    public Optional<AtxFacts> atx(AtxId id) {
        return Optional.ofNullable(atxs.get(id));
    }

    @Override
    public Optional<Ballot> ballot(BallotId id) {
        return Optional.ofNullable(ballots.get(id));
    }

    @Override
    public OptionalLong activeSetWeight(Hash32 activeSetHash) {
        Long w = activeSets.get(activeSetHash);
        return w == null ? OptionalLong.empty() : OptionalLong.of(w);
    }

    @Override
    public long minimalActiveSetWeight(EpochId epoch) {
        return 0;
    }
}
