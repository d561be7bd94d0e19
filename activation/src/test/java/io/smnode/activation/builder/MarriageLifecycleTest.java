package io.smnode.activation.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.AtxVersion;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.PostV1;
import io.smnode.activation.builder.MarriageLifecycle.Facts;
import io.smnode.activation.builder.MarriageLifecycle.KnownMarriage;
import io.smnode.activation.builder.MarriageLifecycle.Married;
import io.smnode.activation.builder.MarriageLifecycle.Merged;
import io.smnode.activation.builder.MarriageLifecycle.Solo;
import io.smnode.activation.builder.MarriageLifecycle.Stage;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stages a node's own married identities go through, decided from what the node knows at each step. */
class MarriageLifecycleTest {
    private static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    private static final long SET_NONCE = 4242;
    private static final SmesherSetup ALICE = setup(1, 4);
    private static final SmesherSetup BOB = setup(2, 3);
    private final MarriageLifecycle lifecycle = new MarriageLifecycle(List.of(ALICE, BOB), AtxVersions.v2From(2),
            (signer, units) -> signer == ALICE && units == 7 ? SET_NONCE : -1);

    /** An ATX as the builder recorded it: only its id and epoch matter here. */
    record Published(AtxId id, EpochId publishEpoch, NodeId smesherId) implements ActivationTx {
        @Override
        public AtxVersion version() {
            return AtxVersion.V1;
        }

        @Override
        public byte[] encode() {
            return id.toByteArray();
        }
    }

    static SmesherSetup setup(int seedByte, long units) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) seedByte);
        return new SmesherSetup(EdSigner.fromSeed(seed, PREFIX), Address.ZERO, units, 64, AtxId.ZERO, 0,
                new PostV1(0, Bytes.EMPTY, 0));
    }

    static Optional<ActivationTx> atx(SmesherSetup who, long epoch) {
        byte[] id = new byte[32];
        id[0] = (byte) epoch;
        id[1] = who.signer().nodeId().toByteArray()[0];
        return Optional.of(new Published(AtxId.of(id), EpochId.of(epoch), who.signer().nodeId()));
    }

    static Facts facts(Optional<ActivationTx> alice, Optional<ActivationTx> bob, Optional<KnownMarriage> marriage,
                       boolean setStarted, long now) {
        return new Facts(List.of(alice, bob), marriage, setStarted, EpochId.of(now));
    }

    @Test
    void beforeEveryPartnerHasAnAtxEachSmeshesAloneWithoutAPlan() {
        Stage stage = lifecycle.decide(facts(atx(ALICE, 1), Optional.empty(), Optional.empty(), false, 1));
        assertEquals(new Solo(Optional.empty()), stage);
    }

    @Test
    void theSignersNextV2AtxCarriesEachPartnersCertificateOverItsId() {
        Optional<ActivationTx> bob1 = atx(BOB, 1);
        Solo stage = assertInstanceOf(Solo.class,
                lifecycle.decide(facts(atx(ALICE, 1), bob1, Optional.empty(), false, 1)));

        MarriagePlan plan = stage.plan().orElseThrow();
        assertEquals(EpochId.of(2), plan.marryFrom());
        MarriageCertificate cert = plan.partners().get(0);
        assertEquals(bob1.get().id(), cert.referenceAtx(), "Bob proves he exists by his last ATX");
        assertTrue(cert.signedBy(new EdVerifier(PREFIX), BOB.signer().nodeId(), ALICE.signer().nodeId()),
                "Bob signs Alice's id in domain MARRIAGE");
    }

    @Test
    void theMarriageWaitsForTheV2SwitchAndForAnEpochAfterEveryonesLastAtx() {
        MarriageLifecycle late = new MarriageLifecycle(List.of(ALICE, BOB), AtxVersions.v2From(5), (s, u) -> 0);
        Solo beforeSwitch = (Solo) late.decide(facts(atx(ALICE, 1), atx(BOB, 1), Optional.empty(), false, 1));
        assertEquals(EpochId.of(5), beforeSwitch.plan().orElseThrow().marryFrom());

        Solo afterOwn = (Solo) lifecycle.decide(facts(atx(ALICE, 3), atx(BOB, 2), Optional.empty(), false, 3));
        assertEquals(EpochId.of(4), afterOwn.plan().orElseThrow().marryFrom(),
                "an epoch Alice already published for cannot carry it");
    }

    @Test
    void aStoredMarriageLimitsEveryoneToTheEpochAfterIt() {
        KnownMarriage m = new KnownMarriage(AtxId.ofHex("11".repeat(32)), EpochId.of(2));
        Stage stage = lifecycle.decide(facts(atx(ALICE, 2), atx(BOB, 2), Optional.of(m), false, 2));
        Married married = assertInstanceOf(Married.class, stage);
        assertEquals(EpochId.of(3), married.lastSoloEpoch());
    }

    @Test
    void theSignersPublishedMarriageAtxCountsBeforeTheStoreHasIt() {
        ActivationTxV2 marriage = new ActivationTxV2(EpochId.of(2), AtxId.ZERO, Address.ZERO, Optional.empty(),
                List.of(), List.of(), 0, List.of(MarriageCertificate.self(ALICE.signer())), Optional.empty(),
                NodeId.ZERO, Signature.of(new byte[64])).sign(ALICE.signer());
        Stage stage = lifecycle.decide(facts(Optional.of(marriage), atx(BOB, 2), Optional.empty(), false, 2));
        assertEquals(new Married(marriage.id(), EpochId.of(2)), stage, "never a second marriage after a restart");
    }

    @Test
    void theSetTakesOverOnceEveryonePublishedForTheEpochAfterTheMarriage() {
        KnownMarriage m = new KnownMarriage(AtxId.ofHex("11".repeat(32)), EpochId.of(2));
        assertInstanceOf(Married.class, lifecycle.decide(facts(atx(ALICE, 3), atx(BOB, 2), Optional.of(m), false, 3)));

        Optional<ActivationTx> alice3 = atx(ALICE, 3);
        Optional<ActivationTx> bob3 = atx(BOB, 3);
        Merged merged = assertInstanceOf(Merged.class,
                lifecycle.decide(facts(alice3, bob3, Optional.of(m), false, 3)));
        MarriedSet set = merged.set();
        assertEquals(List.of(ALICE, BOB), set.members(), "set order: the signer first");
        assertEquals(m.marriageAtx(), set.marriageAtx());
        assertEquals(EpochId.of(4), set.firstEpoch());
        assertEquals(List.of(alice3.get().id(), bob3.get().id()), set.previousAtxs());
        assertEquals(SET_NONCE, set.vrfNonce(), "the signer's nonce for both members' 4 + 3 units");
    }

    @Test
    void theSetAlsoTakesOverWhenAMembersLastSoloEpochPassedWithoutItsAtx() {
        KnownMarriage m = new KnownMarriage(AtxId.ofHex("11".repeat(32)), EpochId.of(2));
        Merged merged = assertInstanceOf(Merged.class,
                lifecycle.decide(facts(atx(ALICE, 3), atx(BOB, 2), Optional.of(m), false, 4)));
        assertEquals(atx(BOB, 2).get().id(), merged.set().previousAtxs().get(1));
        assertInstanceOf(Merged.class, lifecycle.decide(facts(atx(ALICE, 2), atx(BOB, 2), Optional.of(m), true, 3)),
                "a set that started keeps running after a restart");
    }

    @Test
    void onlyAChangeOfBuildersCountsAsANewStage() {
        Stage plan = lifecycle.decide(facts(atx(ALICE, 1), atx(BOB, 1), Optional.empty(), false, 1));
        Stage laterPlan = lifecycle.decide(facts(atx(ALICE, 1), atx(BOB, 2), Optional.empty(), false, 2));
        assertTrue(plan.sameBuilders(laterPlan), "a newer reference ATX does not reopen the signer's builder");
        assertTrue(!plan.sameBuilders(new Solo(Optional.empty())));
    }

    @Test
    void aNetworkWithoutV2CannotMarry() {
        assertThrows(IllegalArgumentException.class,
                () -> new MarriageLifecycle(List.of(ALICE, BOB), AtxVersions.v1Only(), (s, u) -> 0));
    }
}
