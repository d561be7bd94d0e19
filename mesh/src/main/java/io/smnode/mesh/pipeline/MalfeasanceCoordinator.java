package io.smnode.mesh.pipeline;

import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.malfeasance.MalfeasanceProofs;
import io.smnode.mesh.malfeasance.MalfeasanceRule;
import io.smnode.mesh.store.MeshRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Malfeasance (spec 07 §5; the malfeasance component's core): a proof from gossip or found by this node is checked;
 * the first valid proof against an identity is stored and the identity marked malicious everywhere; a proof this
 * node found is gossiped ({@code mp1}), a received one relayed by its accept.
 */
public final class MalfeasanceCoordinator implements HandOverTaker {
    private final EdVerifier verifier;
    private final Set<NodeId> known = new HashSet<>();
    private LayerId current = LayerId.of(0);

    /** @param known the identities with a stored proof (after a restart) */
    public MalfeasanceCoordinator(PipelineConfig config, Set<NodeId> known) {
        this.verifier = new EdVerifier(Objects.requireNonNull(config, "config").signingPrefix());
        this.known.addAll(known);
    }

    public boolean isMalicious(NodeId id) {
        return known.contains(id);
    }

    /** The layer now: proofs taken from here on are stored as received in it. */
    public void onLayer(LayerId layer) {
        current = layer;
    }

    @Override
    public List<Decision> take(Decision d) {
        if (d instanceof Decision.ProofFound p) {
            return onLocalProof(p.proof(), current);
        }
        throw HandOverTaker.notMine("malfeasance", d);
    }

    /** A proof from gossip, received in the layer last given to {@link #onLayer}. */
    public Handled onGossip(Bytes gossip) {
        return onGossip(gossip, current);
    }

    /** A proof from gossip, received while {@code current} is the current layer. */
    public Handled onGossip(Bytes gossip, LayerId current) {
        var proof = MalfeasanceProofs.fromGossip(gossip);
        if (proof.isEmpty()) {
            return new Handled(Verdict.reject(MalfeasanceRule.MALFORMED, "not a MalfeasanceGossip without eligibility"),
                    List.of());
        }
        return take(proof.get(), current, false);
    }

    /** A proof this node made itself (hare equivocation, double ballot). */
    public List<Decision> onLocalProof(Bytes proof, LayerId current) {
        return take(proof, current, true).decisions();
    }

    private Handled take(Bytes proof, LayerId current, boolean local) {
        MalfeasanceProofs.Checked checked = MalfeasanceProofs.check(proof, verifier);
        if (checked.offender().isEmpty()) {
            return new Handled(checked.verdict(), List.of());
        }
        NodeId offender = checked.offender().get();
        if (!known.add(offender)) {
            return new Handled(Verdict.ignore(MalfeasanceRule.KNOWN_OFFENDER, offender.hex()), List.of());
        }
        List<Decision> out = new ArrayList<>();
        out.add(new Decision.Persist(new MeshRecord.MalfeasanceRecord(offender, proof, current)));
        out.add(new Decision.MarkMalicious(offender));
        if (local) {
            out.add(new Decision.Publish(Topic.MALFEASANCE, MalfeasanceProofs.gossip(proof)));
        }
        out.add(new Decision.Log("malfeasance: " + offender.hex() + " is malicious"));
        return new Handled(Verdict.ACCEPT, out);
    }
}
