package io.smnode.mesh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.mesh.store.MeshRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The routing table the node's actors and {@link LocalPipeline} share: every decision is either an effect the driver
 * carries out itself or a hand-over with recipients (never both, never neither), and each hand-over reaches exactly
 * the coordinators whose {@code take} accepts it — a recipient that does not take it, or a coordinator that takes a
 * hand-over it is never sent, fails here.
 */
class DecisionRouterTest {
    private static final LayerId LAYER = LayerId.of(9);

    private static List<Decision> oneOfEach() {
        return List.of(new Decision.Publish(Topic.PROPOSAL, Bytes.EMPTY),
                new Decision.Persist(new MeshRecord.WeakCoinRecord(LAYER, true)),
                new Decision.Schedule(new Timer.HareRound(LAYER), Instant.EPOCH),
                new Decision.Fetch(Hint.BLOCK, Bytes.EMPTY), new Decision.Log("line"),
                new Decision.MarkMalicious(NodeId.of(new byte[32])), new Decision.HareOutput(LAYER, List.of()),
                new Decision.WeakCoin(LAYER, false), new Decision.ProofFound(Bytes.EMPTY),
                new Decision.HareBlock(LAYER, BlockId.ZERO, Optional.empty(), false),
                new Decision.LayerUpdates(List.of()), new Decision.Applied(LAYER, Hash32.ZERO),
                new Decision.TxStored(io.smnode.core.types.TxId.of(new byte[32])));
    }

    @Test
    void everyDecisionIsAnEffectOrAHandOverWithRecipients() {
        for (Class<?> kind : Decision.class.getPermittedSubclasses()) {
            assertTrue(oneOfEach().stream().anyMatch(kind::isInstance)
                    || Set.of("BallotStored", "ProposalStored", "ExecuteOptimistic", "BlockStored", "BeaconDecided")
                            .contains(kind.getSimpleName()), "covered: " + kind.getSimpleName());
        }
        for (Decision d : oneOfEach()) {
            boolean effect = DecisionRouter.isEffect(d);
            assertEquals(effect, DecisionRouter.recipients(d).isEmpty(), d.getClass().getSimpleName());
        }
    }

    @Test
    void theRecipientsAreThoseThatTakeIt() {
        OneNode node = new OneNode("router");
        LocalPipeline p = node.pipeline;
        for (Decision d : oneOfEach()) {
            if (DecisionRouter.isEffect(d)) {
                continue;
            }
            Set<Recipient> routed = EnumSet.noneOf(Recipient.class);
            routed.addAll(DecisionRouter.recipients(d));
            for (Recipient r : Recipient.values()) {
                boolean takes = takes(p, r, d);
                assertEquals(routed.contains(r), takes, d.getClass().getSimpleName() + " to " + r);
            }
        }
        assertFalse(DecisionRouter.recipients(new Decision.HareBlock(LAYER, BlockId.ZERO, Optional.empty(), false))
                .indexOf(Recipient.MESH) > DecisionRouter.recipients(new Decision.HareBlock(LAYER, BlockId.ZERO,
                        Optional.empty(), false)).indexOf(Recipient.TORTOISE), "the mesh keeps a hare block before the "
                + "tortoise's tally asks it to apply the layer");
    }

    private static boolean takes(LocalPipeline p, Recipient r, Decision d) {
        try {
            if (r == Recipient.INTAKE) {
                MemoryMeshStore store = new MemoryMeshStore();
                new ProposalIntake(OneNode.config(), new ProposalChecks(OneNode.config(), new OneNode("x").atxs, store),
                        store, 0).take(d);
            } else {
                p.taker(r).take(d);
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } catch (RuntimeException e) {
            return true; // it took the hand-over and then found the placeholder content wanting
        }
    }
}
