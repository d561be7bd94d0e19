package io.smnode.mesh.pipeline;

import java.util.List;

/**
 * Who takes each hand-over ({@link Decision}s that are not effects on the outside world), in the order they are
 * handed to them: the one routing table {@link LocalPipeline} and the node's actors share, so a protocol change is
 * made here once. Each recipient takes the decision with its coordinator's {@code take} method
 * ({@link ProposalIntake#take} for the intake).
 */
public final class DecisionRouter {
    private static final List<Recipient> NONE = List.of();

    private DecisionRouter() {}

    /** True for the effects a driver carries out itself: publish, persist, schedule, fetch, log. */
    public static boolean isEffect(Decision d) {
        return d instanceof Decision.Publish || d instanceof Decision.Persist || d instanceof Decision.Schedule
                || d instanceof Decision.Fetch || d instanceof Decision.Log;
    }

    /** The recipients of a hand-over, in delivery order; none for an effect. */
    public static List<Recipient> recipients(Decision d) {
        if (d instanceof Decision.MarkMalicious) {
            return List.of(Recipient.TORTOISE, Recipient.HARE);
        } else if (d instanceof Decision.HareOutput) {
            return List.of(Recipient.BLOCKS);
        } else if (d instanceof Decision.WeakCoin) {
            return List.of(Recipient.TORTOISE);
        } else if (d instanceof Decision.ProofFound) {
            return List.of(Recipient.MALFEASANCE);
        } else if (d instanceof Decision.BallotStored) {
            return List.of(Recipient.INTAKE, Recipient.BLOCKS, Recipient.BEACON);
        } else if (d instanceof Decision.ProposalStored) {
            return List.of(Recipient.HARE, Recipient.BLOCKS);
        } else if (d instanceof Decision.ExecuteOptimistic) {
            return List.of(Recipient.MESH);
        } else if (d instanceof Decision.HareBlock) {
            // The intake learns the layer is processed (its gossip window); the mesh keeps the block before the
            // tortoise's tally asks it to apply the layer.
            return List.of(Recipient.INTAKE, Recipient.MESH, Recipient.BLOCKS, Recipient.TORTOISE);
        } else if (d instanceof Decision.BlockStored) {
            return List.of(Recipient.MESH, Recipient.TORTOISE);
        } else if (d instanceof Decision.TxStored) {
            return List.of(Recipient.INTAKE, Recipient.BLOCKS);
        } else if (d instanceof Decision.LayerUpdates) {
            return List.of(Recipient.MESH);
        } else if (d instanceof Decision.Applied) {
            return List.of(Recipient.TORTOISE);
        } else if (d instanceof Decision.BeaconDecided) {
            return List.of(Recipient.TORTOISE, Recipient.HARE, Recipient.BLOCKS, Recipient.BUILDER);
        }
        return NONE;
    }
}
