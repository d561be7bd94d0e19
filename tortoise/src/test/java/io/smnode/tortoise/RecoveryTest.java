package io.smnode.tortoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.tortoise.trace.TraceReplayer;
import io.smnode.tortoise.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Starting from a checkpoint: the recovered layer's opinion chains onto the given previous opinion. */
class RecoveryTest {
    private static final TortoiseConfig CONFIG = Sim.config(10, 4, 3);
    private static final LayerId LAYER = LayerId.of(20);
    private static final Hash32 PREV = Blake3.hash("checkpoint".getBytes());
    private static final BlockHeader BLOCK = new BlockHeader(BlockId.of(new byte[] {
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7}), LAYER, 3);

    @Test
    void recoveredLayerKeepsItsOpinionAndTheMeshCanApplyIt() throws Exception {
        Hash32 opinion = new OpinionHasher().writePrevious(PREV).writeSupport(BLOCK.id(), BLOCK.height()).sum();
        List<String> trace = new ArrayList<>();
        Tortoise t = new Tortoise(CONFIG, new Tracer(trace::add));
        t.recoverFrom(LAYER, opinion, PREV);
        assertEquals(LAYER, t.latestComplete());
        t.onRecoveredBlocks(LAYER, List.of(BLOCK), List.of(), Optional.of(BLOCK.id()));
        t.tallyVotes(LAYER);

        List<LayerUpdate> updates = t.updates();
        assertEquals(1, updates.size());
        LayerUpdate u = updates.get(0);
        assertEquals(LAYER, u.layer());
        assertEquals(opinion, u.opinion());
        assertTrue(u.blocks().get(0).valid());
        assertTrue(u.blocks().get(0).hare());
        assertTrue(t.onApplied(LAYER, opinion));
        assertEquals(trace, TraceReplayer.replay(trace));
    }

    @Test
    void aDifferentPreviousOpinionGivesADifferentChain() {
        Hash32 opinion = new OpinionHasher().writePrevious(PREV).writeSupport(BLOCK.id(), BLOCK.height()).sum();
        Tortoise t = new Tortoise(CONFIG);
        t.recoverFrom(LAYER, opinion, Blake3.hash("another checkpoint".getBytes()));
        t.onRecoveredBlocks(LAYER, List.of(BLOCK), List.of(), Optional.of(BLOCK.id()));
        t.tallyVotes(LAYER);
        assertFalse(t.onApplied(LAYER, opinion));
    }

    @Test
    void recoveredLayerOutsideHdistWithoutHareOutputIsTerminatedByValidity() {
        Tortoise t = new Tortoise(CONFIG);
        t.recoverFrom(LAYER, Hash32.ZERO, PREV);
        t.tallyVotes(LAYER.add(CONFIG.hdist() + 1));
        BlockHeader old = new BlockHeader(BLOCK.id(), LAYER.add(1), 0);
        BlockHeader invalid = new BlockHeader(BlockId.ZERO, LAYER.add(1), 0);
        t.onRecoveredBlocks(LAYER.add(1), List.of(old), List.of(invalid), Optional.empty());
        LayerUpdate u = t.updates().stream().filter(x -> x.layer().equals(LAYER.add(1))).findFirst().orElseThrow();
        assertEquals(2, u.blocks().size());
        for (BlockResult b : u.blocks()) {
            assertEquals(b.header().equals(old), b.valid(), b.toString());
            assertEquals(!b.header().equals(old), b.invalid(), b.toString());
        }
    }
}
