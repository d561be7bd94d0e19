package io.smnode.hare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import io.smnode.core.vrf.VrfProof;
import io.smnode.core.vrf.VrfSigner;
import io.smnode.core.vrf.VrfVerifier;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HareOracleTest {
    private static final Beacon BEACON = Beacon.ofHex("01020304");
    private static final LayerId LAYER = LayerId.of(4040);

    static Stream<Named<JsonNode>> eligibilityCases() {
        return Vectors.casesWhere("fixed-point.json", "op", "hare_eligibility_count").stream()
                .map(c -> Named.of(c.get("id").asText(), c));
    }

    /** A proof whose first 8 bytes are the vector's; the rest does not enter the count. */
    private static VrfProof proofWithPrefix(String first8Hex) {
        return VrfProof.of(Arrays.copyOf(Hex.decode(first8Hex), VrfProof.LENGTH));
    }

    @ParameterizedTest
    @MethodSource("eligibilityCases")
    void seatsMatchTheReferenceCount(JsonNode c) {
        VrfProof proof = proofWithPrefix(c.get("vrf_first8").asText());
        int committee = c.get("committee").asInt();
        long miner = c.get("miner_weight").bigIntegerValue().longValue();
        long total = c.get("total_weight").bigIntegerValue().longValue();
        int expected = c.get("expected_count").asInt();
        assertEquals(expected, HareOracle.seats(committee, miner, total, proof));
        // The claimed-count rule accepts exactly the count CalcEligibility gives, and never 0.
        assertEquals(expected > 0, HareOracle.claimHolds(committee, miner, total, proof, expected));
        assertFalse(HareOracle.claimHolds(committee, miner, total, proof, expected + 1));
        if (expected > 0) {
            assertFalse(HareOracle.claimHolds(committee, miner, total, proof, expected - 1));
        }
    }

    @Test
    void vrfMessageIsTheScaleStructOfType2() {
        // {Type compact16 = 2, Beacon [4], Round compact32, Layer compact32}, built from core's codecs.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(Scale.encode(ScaleCodecs.COMPACT_U16, 2));
        expected.writeBytes(BEACON.toByteArray());
        expected.writeBytes(Scale.encode(ScaleCodecs.COMPACT_U32, 13L));
        expected.writeBytes(Scale.encode(CoreCodecs.LAYER_ID, LAYER));
        assertArrayEquals(expected.toByteArray(), HareOracle.vrfMessage(BEACON, LAYER, 13));
    }

    @Test
    void ownEligibilityIsAVerifiableProofThatValidatesOnlyWithItsCount() {
        VrfSigner signer = VrfSigner.fromSeed(seed(7));
        NodeId other = VrfSigner.fromSeed(seed(8)).nodeId();
        // Weight 1 of 2 with a committee of 800: p is scaled to 1/2 over n = 800 trials, so seats are certain.
        HareOracle oracle = new HareOracle(BEACON, ActiveSet.of(Map.of(signer.nodeId(), 1L, other, 1L)));
        IterRound round = IterRound.of(0, Round.COMMIT);
        Eligibility e = oracle.eligibility(signer, LAYER, round, 800).orElseThrow();

        byte[] message = HareOracle.vrfMessage(BEACON, LAYER, round.absolute());
        assertTrue(VrfVerifier.verify(signer.nodeId(), message, e.proof()));
        assertEquals(HareOracle.seats(800, 1, 2, e.proof()), e.count());
        assertEquals(e.count(), oracle.seats(signer.nodeId(), LAYER, round.absolute(), 800, e.proof()));
        assertTrue(oracle.validate(signer.nodeId(), LAYER, round.absolute(), 800, e.proof(), e.count()));
        assertFalse(oracle.validate(signer.nodeId(), LAYER, round.absolute(), 800, e.proof(), e.count() + 1));
        // The same proof is no proof for another round, another layer or another identity.
        assertFalse(oracle.validate(signer.nodeId(), LAYER, round.absolute() + 1, 800, e.proof(), e.count()));
        assertFalse(oracle.validate(signer.nodeId(), LAYER.add(1), round.absolute(), 800, e.proof(), e.count()));
        assertFalse(oracle.validate(other, LAYER, round.absolute(), 800, e.proof(), e.count()));
        assertEquals(0, oracle.seats(other, LAYER, round.absolute(), 800, e.proof()));
    }

    @Test
    void identitiesOutsideTheActiveSetHoldNoSeats() {
        VrfSigner outsider = VrfSigner.fromSeed(seed(9));
        HareOracle oracle = new HareOracle(BEACON, ActiveSet.of(Map.of(VrfSigner.fromSeed(seed(7)).nodeId(), 5L)));
        IterRound round = IterRound.of(0, Round.PREROUND);
        assertEquals(Optional.empty(), oracle.eligibility(outsider, LAYER, round, 800));
        VrfProof proof = outsider.prove(HareOracle.vrfMessage(BEACON, LAYER, 0));
        assertFalse(oracle.validate(outsider.nodeId(), LAYER, 0, 800, proof, 1));
    }

    @Test
    void activeSetOfALayerLagsAnEpochForTheFirstConfidenceParamLayers() {
        LayerId genesis = LayerId.of(7); // effective genesis: last layer of epoch 1 with 4 layers per epoch
        assertEquals(Optional.empty(), ActiveSet.epochFor(genesis, 4, genesis, 1));
        assertEquals(2L, ActiveSet.epochFor(LayerId.of(8), 4, genesis, 1).orElseThrow().value());
        assertEquals(2L, ActiveSet.epochFor(LayerId.of(12), 4, genesis, 1).orElseThrow().value());
        assertEquals(3L, ActiveSet.epochFor(LayerId.of(13), 4, genesis, 1).orElseThrow().value());
    }

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        return s;
    }
}
