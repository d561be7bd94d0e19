package io.smnode.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.core.net.Preset;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The version comes from the publish epoch (spec 11 §1): on mainnet v1 below epoch 45 and v2 from it. Bytes of the
 * other version for their epoch are refused with their own rule; bytes of neither are malformed.
 */
class AtxDecoderTest {
    static final AtxDecoder MAINNET = new AtxDecoder(AtxVersions.of(Preset.MAINNET.params().atx()));

    static ActivationTxV1 v1(long epoch) {
        return new ActivationTxV1(new InnerActivationTxV1(
                new NIPostChallengeV1(EpochId.of(epoch), 1, AtxId.ofHex("11".repeat(32)), AtxId.ofHex("22".repeat(32)),
                        Optional.empty(), Optional.empty()),
                Address.ZERO, 4, Optional.empty(), Optional.empty(), Optional.empty()),
                NodeId.ofHex("66".repeat(32)), Signature.of(new byte[64]));
    }

    static ActivationTxV2 v2(long epoch) {
        return new ActivationTxV2(EpochId.of(epoch), AtxId.ofHex("22".repeat(32)), Address.ZERO, Optional.empty(),
                List.of(AtxId.ofHex("11".repeat(32))), List.of(), 7, List.of(), Optional.empty(),
                NodeId.ofHex("66".repeat(32)), Signature.of(new byte[64]));
    }

    @Test
    void eachVersionDecodesInItsEpochs() throws Exception {
        ActivationTx a = MAINNET.decode(v1(44).encode());
        assertInstanceOf(ActivationTxV1.class, a);
        assertEquals(AtxVersion.V1, a.version());
        assertEquals(v1(44).id(), a.id());
        ActivationTx b = MAINNET.decode(v2(45).encode());
        assertEquals(v2(45), b);
        assertEquals(AtxVersion.V2, MAINNET.versionOf(v2(45).encode()));
        assertEquals(AtxVersion.V1, new AtxDecoder(AtxVersions.v1Only()).versionOf(v2(1000).encode()));
    }

    @Test
    void aV1AtxAtOrAfterTheSwitchHasItsOwnRule() {
        AtxDecoder.MalformedAtxException e = assertThrows(AtxDecoder.MalformedAtxException.class,
                () -> MAINNET.decode(v1(45).encode()));
        assertEquals(AtxRule.V1_AT_OR_AFTER_SWITCH, e.rule());
    }

    @Test
    void aV2AtxBeforeTheSwitchHasItsOwnRule() {
        AtxDecoder.MalformedAtxException e = assertThrows(AtxDecoder.MalformedAtxException.class,
                () -> MAINNET.decode(v2(44).encode()));
        assertEquals(AtxRule.V2_BEFORE_SWITCH, e.rule());
    }

    @Test
    void bytesOfNeitherVersionAreMalformedEvenTooShortForAnEpoch() {
        for (Bytes b : List.of(Bytes.EMPTY, Bytes.ofHex("b5"), Bytes.ofHex("b4" + "00".repeat(40)))) {
            AtxDecoder.MalformedAtxException e = assertThrows(AtxDecoder.MalformedAtxException.class,
                    () -> MAINNET.decode(b.toByteArray()));
            assertEquals(AtxRule.MALFORMED, e.rule());
        }
    }

    @Test
    void theValidatorReportsTheRuleAsAReject() {
        VersionedAtxValidator validator = new VersionedAtxValidator(MAINNET, null, null);
        AtxValidation v = validator.validate(v1(45).encode(), Optional.empty(), EpochId.of(45), new MemoryAtxHistory(),
                new io.smnode.activation.marriage.MemoryEquivocationSetStore(), false);
        assertEquals(AtxRule.V1_AT_OR_AFTER_SWITCH, v.failedRule().orElseThrow());
        AtxValidation wrong = validator.validate(v2(45).encode(), Optional.of(io.smnode.core.types.Hash32.ZERO),
                EpochId.of(45), new MemoryAtxHistory(), new io.smnode.activation.marriage.MemoryEquivocationSetStore(),
                false);
        assertEquals(AtxRule.WRONG_HASH, wrong.failedRule().orElseThrow());
    }
}
