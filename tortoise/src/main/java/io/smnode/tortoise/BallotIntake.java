package io.smnode.tortoise;

import io.smnode.core.fixed.Fixed;
import io.smnode.core.types.BallotId;
import java.util.Optional;

/** Decoding and storing ballots (spec 05 §5): weight, reference data, vote chain, opinion check. */
final class BallotIntake {
    private final Turtle t;
    private final TortoiseState s;

    BallotIntake(Turtle t) {
        this.t = t;
        this.s = t.s;
    }

    DecodeResult decode(BallotInput ballot) {
        long layer = ballot.layer().value();
        if (layer <= s.evicted) {
            return rejected(Rejection.Reason.CANNOT_DECODE, "ballot " + ballot.id().hex() + " is in an evicted layer");
        }
        BallotInfo known = s.ballotRefs.get(ballot.id());
        if (known != null) {
            // Decoding again is harmless; storing it again is refused.
            return checkOpinion(ballot, known, 0);
        }
        BallotId baseId = ballot.opinion().votes().base();
        BallotInfo base = baseId.equals(BallotId.ZERO) ? BallotInfo.genesis(t.config.effectiveGenesis())
                : s.ballotRefs.get(baseId);
        if (base == null) {
            return rejected(Rejection.Reason.DANGLING_BASE, "base ballot " + baseId.hex() + " not in state");
        }
        if (base.layer >= layer) {
            return rejected(Rejection.Reason.BASE_NOT_EARLIER, "base ballot " + baseId.hex() + " at layer "
                    + base.layer + " is not before ballot layer " + layer);
        }
        ReferenceInfo reference;
        if (ballot.epochData().isPresent()) {
            EpochData epochData = ballot.epochData().get();
            AtxInfo atx = s.atxs.get(t.config.epochOf(layer), ballot.atxId());
            if (atx == null) {
                return rejected(Rejection.Reason.ATX_UNKNOWN, "atx " + ballot.atxId().hex() + " not in state");
            }
            if (epochData.eligibilities() == 0) {
                return rejected(Rejection.Reason.ZERO_ELIGIBILITIES, "reference ballot declares zero eligibilities");
            }
            reference = new ReferenceInfo(ballot.smesher(), ballot.atxId(), epochData.eligibilities(),
                    epochData.beacon(), Fixed.divUint64(atx.weight(), epochData.eligibilities()), atx.height());
        } else if (ballot.ref().isPresent()) {
            BallotInfo ref = s.ballotRefs.get(ballot.ref().get());
            if (ref == null) {
                return rejected(Rejection.Reason.CANNOT_DECODE, "reference ballot " + ballot.ref().get().hex()
                        + " not in state");
            }
            if (ref.reference == null) {
                return rejected(Rejection.Reason.NOT_A_REFERENCE_BALLOT, "ballot " + ref.id.hex()
                        + " is not a reference ballot");
            }
            reference = ref.reference;
        } else {
            return rejected(Rejection.Reason.NO_EPOCH_DATA, "neither epoch data nor reference ballot");
        }
        boolean malicious = ballot.malicious() || s.malicious.contains(ballot.smesher());
        Fixed weight = malicious ? Fixed.ZERO : reference.unitWeight().mul(Fixed.of(ballot.eligibilities()));
        BallotInfo info = new BallotInfo(ballot.id(), layer, reference, weight, malicious);

        LayerInfo layerInfo = s.layer(layer);
        LayerVote existing = layerInfo.opinions.get(ballot.opinion().hash());
        long lowest = 0;
        if (existing != null) {
            info.votes = existing;
        } else {
            try {
                VoteDecoder.Decoded decoded = VoteDecoder.decode(base, layer, ballot.opinion().votes(), s.hasher);
                info.votes = decoded.tail();
                lowest = decoded.lowest();
            } catch (VoteDecoder.DecodeException e) {
                return rejected(e.reason, e.getMessage());
            }
            if (lowest <= s.evicted) {
                return rejected(Rejection.Reason.VOTES_OUTSIDE_WINDOW, "votes on layer " + lowest
                        + " outside the window (evicted " + s.evicted + ")");
            }
        }
        return checkOpinion(ballot, info, lowest);
    }

    private static DecodeResult checkOpinion(BallotInput ballot, BallotInfo info, long lowest) {
        if (!info.opinion().equals(ballot.opinion().hash())) {
            return rejected(Rejection.Reason.OPINION_MISMATCH, "computed opinion " + info.opinion().hex()
                    + " differs from signed " + ballot.opinion().hash().hex());
        }
        return new DecodeResult.Decoded(new DecodedBallot(ballot, info, lowest));
    }

    Optional<Rejection> store(DecodedBallot decoded) {
        BallotInfo ballot = decoded.info;
        if (decoded.input().malicious()) {
            ballot.malicious = true;
        }
        if (ballot.layer <= s.evicted) {
            return Optional.empty();
        }
        if (s.ballotRefs.containsKey(ballot.id)) {
            return Optional.of(new Rejection(Rejection.Reason.BALLOT_EXISTS, "tortoise: ballot exists: "
                    + ballot.id.hex()));
        }
        s.addBallot(ballot);
        LayerInfo layer = s.layer(ballot.layer);
        LayerVote existing = layer.opinions.get(ballot.opinion());
        if (existing != null) {
            ballot.votes = existing;
        } else {
            resolveBlocks(ballot, decoded.lowest);
            layer.opinions.put(ballot.opinion(), ballot.votes);
        }
        if (ballot.layer <= s.processed) {
            t.countOrRetry(ballot);
        }
        return Optional.empty();
    }

    /** Replaces the decoder's block placeholders by the tortoise's blocks, learning blocks it did not know. */
    private void resolveBlocks(BallotInfo ballot, long lowest) {
        for (LayerVote vote = ballot.votes; vote != null && vote.layer >= lowest; vote = vote.prev) {
            if (vote.layer <= s.evicted) {
                continue;
            }
            for (int i = 0; i < vote.supported.length; i++) {
                BlockInfo named = vote.supported[i];
                BlockInfo known = s.getBlock(named.header());
                if (known != null) {
                    vote.supported[i] = known;
                    continue;
                }
                // Outside hdist nobody will run hare for it any more: it starts as invalid.
                if (!t.config.withinHdist(named.layer, s.last)) {
                    named.validity = Sign.AGAINST;
                    named.hare = Sign.AGAINST;
                }
                t.addBlock(named);
            }
        }
    }

    private static DecodeResult rejected(Rejection.Reason reason, String detail) {
        return new DecodeResult.Rejected(new Rejection(reason, detail));
    }
}
