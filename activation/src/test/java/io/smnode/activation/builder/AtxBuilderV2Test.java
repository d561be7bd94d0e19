package io.smnode.activation.builder;

import static io.smnode.activation.builder.BuilderWorld.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxIndex;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.VrfNonceCheck;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The builder on a network whose ATXs are v2 from a switch epoch (spec 11 §1, §4), with real tiny PoSTs and the
 * network's validator accepting what it publishes: a solo identity crosses the switch (v1, then v2 building on
 * its v1 ATX); two identities marry (one's ATX carries both certificates) and then publish one merged ATX per
 * epoch, whose weight is the sum of both identities'.
 */
class AtxBuilderV2Test {
    static TinyPost alice;
    static TinyPost bob;

    @BeforeAll
    static void initPost() throws Exception {
        alice = TinyPost.shared();
        bob = TinyPost.of(8);
    }

    static BuilderWorld world(AtxVersions versions) throws Exception {
        return new BuilderWorld(alice, new MemoryBuilderStateStore(), BuilderWorld.PHASE_SHIFT,
                BuilderWorld.minimalLeaves("poet-a"), versions);
    }

    static NodeId id(TinyPost p) {
        return p.setup.signer().nodeId();
    }

    @Test
    void aSoloIdentityCrossesTheSwitchFromV1ToV2() throws Exception {
        BuilderWorld world = world(AtxVersions.v2From(2));
        world.runUntil(at(350));

        List<ActivationTx> published = world.published;
        assertEquals(3, published.size(), world.expired.toString());
        assertInstanceOf(ActivationTxV1.class, published.get(0));
        ActivationTxV2 first = assertInstanceOf(ActivationTxV2.class, published.get(1));
        assertEquals(EpochId.of(2), first.publishEpoch());
        assertEquals(List.of(published.get(0).id()), first.previousAtxs(), "the first v2 ATX builds on the v1 one");
        assertTrue(first.initial().isEmpty());
        assertEquals(alice.setup.vrfNonce(), first.vrfNonce(), "v2 always carries the nonce");
        assertEquals(List.of(published.get(1).id()),
                assertInstanceOf(ActivationTxV2.class, published.get(2)).previousAtxs());
        world.verdicts.forEach(BuilderWorld::assertValid);
        assertEquals(TinyPost.NUM_UNITS * 150, world.accepted().get(2).weight());
    }

    @Test
    void aDevnetRunningV2FromTheStartPublishesAV2InitialAtx() throws Exception {
        BuilderWorld world = world(AtxVersions.v2From(0));
        world.runUntil(at(150));

        ActivationTxV2 initial = assertInstanceOf(ActivationTxV2.class, world.published.get(0));
        assertTrue(initial.initial().isPresent());
        assertEquals(TinyPost.GOLDEN, initial.initial().get().commitmentAtx());
        BuilderWorld.assertValid(world.verdicts.get(0));
    }

    @Test
    void twoIdentitiesMarryThenPublishMergedAtxsWeighingTheSumOfBoth() throws Exception {
        BuilderWorld world = new BuilderWorld(alice, null, BuilderWorld.PHASE_SHIFT,
                BuilderWorld.minimalLeaves("poet-a"), AtxVersions.v2From(1));
        MemoryBuilderStateStore aliceStore = new MemoryBuilderStateStore();
        world.addLane("alice", aliceStore, s -> new AtxBuilder(alice.setup, world.config, s), id(alice), alice);
        world.addLane("bob", new MemoryBuilderStateStore(), s -> new AtxBuilder(bob.setup, world.config, s), id(bob),
                bob);

        // Epoch 1: both publish their initial ATXs.
        world.runUntil(at(150));
        ActivationTx bob1 = world.lastPublishedBy(id(bob)).orElseThrow();
        assertEquals(EpochId.of(1), bob1.publishEpoch());

        // Alice marries Bob in her epoch-2 ATX: Bob signs her id, referencing his epoch-1 ATX.
        MarriagePlan plan = new MarriagePlan(EpochId.of(2),
                List.of(MarriageCertificate.sign(bob.setup.signer(), id(alice), bob1.id())));
        world.removeLane("alice");
        world.addLane("alice", aliceStore, s -> new AtxBuilder(alice.setup.marrying(plan), world.config, s),
                id(alice));
        world.runUntil(at(250));
        ActivationTxV2 marriage = (ActivationTxV2) world.lastPublishedBy(id(alice)).orElseThrow();
        ActivationTx bob2 = world.lastPublishedBy(id(bob)).orElseThrow();
        assertEquals(EpochId.of(2), marriage.publishEpoch());
        assertEquals(2, marriage.marriages().size(), "her own certificate and Bob's");
        assertEquals(List.of(id(alice), id(bob)),
                world.sets.members(world.sets.marriageOf(id(bob)).orElseThrow().setId()), "set order");

        // From epoch 4 (two after the marriage) the set publishes one merged ATX, signed by Alice.
        world.removeLane("alice");
        world.removeLane("bob");
        long nonce = nonceFor(alice, 2 * TinyPost.NUM_UNITS);
        MarriedSet set = new MarriedSet(List.of(alice.setup, bob.setup), marriage.id(), EpochId.of(2),
                List.of(marriage.id(), bob2.id()), nonce);
        world.addLane("set", new MemoryBuilderStateStore(), s -> new AtxBuilder(set, world.config, s), id(alice));
        world.runUntil(at(550));

        // Reopening Alice's builder re-gossips her last ATX: the network already knows it, nothing else is refused.
        world.verdicts.forEach(v -> assertTrue(v.valid() || v.failedRule().equals(Optional.of(AtxRule.KNOWN)),
                v.toString()));
        List<ActivationTxV2> merged = world.published.stream().filter(a -> a instanceof ActivationTxV2 v && v.isMerged())
                .map(a -> (ActivationTxV2) a).toList();
        assertEquals(List.of(EpochId.of(4), EpochId.of(5)), merged.stream().map(ActivationTx::publishEpoch).toList(),
                world.expired.toString());
        ActivationTxV2 first = merged.get(0);
        assertEquals(id(alice), first.smesherId());
        assertEquals(List.of(marriage.id(), bob2.id()), first.previousAtxs());
        assertEquals(2, first.niposts().get(0).posts().size());
        AtxHeader h = header(world, first);
        AtxHeader aliceSolo = header(world, marriage);
        AtxHeader bobSolo = header(world, bob2);
        assertEquals(aliceSolo.weight() + bobSolo.weight(), h.weight(), "the merged ATX weighs both identities");
        assertEquals(2 * TinyPost.NUM_UNITS, h.numUnits());
        assertEquals(List.of(first.id()), merged.get(1).previousAtxs(), "both members build on the merged ATX");
        AtxIndex index = world.index(EpochId.of(4)).orElseThrow();
        assertEquals(1, index.size(), "only the signer has an eligibility entry");
        assertEquals(Optional.of(h.weight()), index.get(first.id()).map(AtxIndex.Entry::weight));
    }

    @Test
    void aMergedBuilderRestartedMidAttemptStillPublishesOneAtx() throws Exception {
        // A set "married" in epoch 0 with stand-in previous ATXs: only the builder's restart behaviour is looked at
        // (the network refuses these ATXs). Its first merged epoch is 2; rounds end 3 s before an epoch starts.
        BuilderWorld world = new BuilderWorld(alice, null, Duration.ofSeconds(2),
                BuilderWorld.minimalLeaves("poet-a"), AtxVersions.v2From(0));
        MemoryBuilderStateStore store = new MemoryBuilderStateStore();
        MarriedSet set = new MarriedSet(List.of(alice.setup, bob.setup), TinyPost.GOLDEN, EpochId.of(0),
                List.of(TinyPost.GOLDEN, TinyPost.GOLDEN), 0);
        world.addLane("set", store, s -> new AtxBuilder(set, world.config, s), id(alice), alice, bob);
        world.runUntil(at(199), 6);
        assertInstanceOf(BuilderPhase.Built.class, store.load().orElseThrow().phase(), "built and saved");
        world.runUntil(at(250));
        assertEquals(1, world.published.size());
        assertEquals(EpochId.of(2), world.published.get(0).publishEpoch());
        assertEquals(at(200), world.gossipTimes.get(0), "published exactly at S(2)");
    }

    @Test
    void aMembersOwnBuilderPublishesUpToItsLastEpochOnly() throws Exception {
        BuilderWorld world = new BuilderWorld(alice, null, BuilderWorld.PHASE_SHIFT,
                BuilderWorld.minimalLeaves("poet-a"), AtxVersions.v2From(1));
        world.addLane("alice", new MemoryBuilderStateStore(),
                s -> new AtxBuilder(alice.setup, EpochId.of(2), world.config, s), id(alice), alice);
        world.runUntil(at(550));

        assertEquals(List.of(EpochId.of(1), EpochId.of(2)),
                world.published.stream().map(ActivationTx::publishEpoch).toList(), world.expired.toString());
        assertTrue(world.expired.isEmpty(), "it stops without giving anything up: " + world.expired);
    }

    @Test
    void aBuilderReopenedWithALastEpochGivesUpTheAttemptBeyondIt() throws Exception {
        BuilderWorld world = new BuilderWorld(alice, null, BuilderWorld.PHASE_SHIFT,
                BuilderWorld.minimalLeaves("poet-a"), AtxVersions.v2From(1));
        MemoryBuilderStateStore store = new MemoryBuilderStateStore();
        world.addLane("alice", store, s -> new AtxBuilder(alice.setup, world.config, s), id(alice), alice);
        world.runUntil(at(250)); // epoch 2 published; registered for epoch 3
        assertEquals(EpochId.of(2), store.load().orElseThrow().lastPublishedEpoch().orElseThrow());
        assertInstanceOf(BuilderPhase.AwaitingProofs.class, store.load().orElseThrow().phase());

        world.removeLane("alice");
        world.addLane("alice", store, s -> new AtxBuilder(alice.setup, EpochId.of(2), world.config, s), id(alice));
        world.runUntil(at(550));

        assertEquals(2, world.published.stream().filter(a -> a.publishEpoch().value() > 0).map(ActivationTx::id)
                .distinct().count(), "epochs 1 and 2 only");
        assertEquals(List.of(EpochId.of(3)), world.expired.stream().map(BuilderAction.Expired::publishEpoch).toList());
        assertInstanceOf(BuilderPhase.Idle.class, store.load().orElseThrow().phase());
    }

    private static AtxHeader header(BuilderWorld world, ActivationTx atx) {
        return world.accepted().stream().filter(h -> h.id().equals(atx.id())).findFirst().orElseThrow();
    }

    static long nonceFor(TinyPost p, long units) {
        for (long n = 0; ; n++) {
            if (VrfNonceCheck.isValid(id(p), TinyPost.GOLDEN, n, TinyPost.LABELS_PER_UNIT, units, TinyPost.SCRYPT_N)) {
                return n;
            }
        }
    }
}
