package io.smnode.node.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxVersions;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.PoetProofMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gossiped ATX naming a PoET proof this node does not have yet (its own PoET not asked for the round's proof yet):
 * the proof is fetched from the sender and the ATX judged again, the second verdict being the gossip verdict, as the
 * reference's handler fetches it while validating. Before, the ATX was ignored (not relayed) and came only from ATX
 * sync, seconds later.
 */
class GossipAtxTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneOffset.UTC);
    private static final PoetProofMessage PROOF = SyncAtxs.vectorProof();
    private static final Hash32 REF = PROOF.proof().ref();

    private final SyncPeers net = new SyncPeers(CLOCK);
    private final StoredPoetProofs nodeProofs = new StoredPoetProofs(net.nodeStore);
    private final PoetProofFetch poets = new PoetProofFetch(net.node, net.fetcher, new AtxDecoder(AtxVersions.v1Only()),
            nodeProofs, net.kit.spawn(StorageActor.create(net.nodeStore)), net.kit.scheduler(), CLOCK);
    private final TestProbe<AtxHandlerActor.Command> handler = net.kit.createTestProbe();
    private final Bytes atx = SyncAtxs.bytes(SyncAtxs.atx(1, 2, SyncAtxs.GOLDEN, Optional.of(REF)));

    @AfterEach
    void close() {
        net.close();
    }

    @Test
    void anAtxWaitingForItsPoetProofIsJudgedAgainOnceTheProofIsFetchedFromItsSender() throws Exception {
        net.peerStore.write(StoredPoetProofs.keep(PROOF));
        CompletableFuture<Verdict> verdict = GossipWiring.judgeAtx(handler.ref(), poets, net.kit.scheduler(),
                net.peerId, atx).toCompletableFuture();

        AtxHandlerActor.HandleAtx first = handler.expectMessageClass(AtxHandlerActor.HandleAtx.class);
        assertEquals(atx, first.atx());
        first.replyTo().tell(Verdict.ignore(AtxRule.UNKNOWN_POET_PROOF, "PoET proof " + REF.hex() + " is not known"));
        // Judged again only once the proof is kept here.
        AtxHandlerActor.HandleAtx second = handler.expectMessageClass(AtxHandlerActor.HandleAtx.class,
                Duration.ofSeconds(10));
        assertEquals(Optional.of(PROOF), nodeProofs.message(REF), "the proof was fetched from the sender and kept");
        assertFalse(verdict.isDone(), "no gossip verdict before the second judgement");
        second.replyTo().tell(Verdict.ACCEPT);
        assertEquals(Verdict.ACCEPT, verdict.get(10, TimeUnit.SECONDS));
    }

    @Test
    void anyOtherVerdictIsTheGossipVerdictAtOnce() throws Exception {
        CompletableFuture<Verdict> verdict = GossipWiring.judgeAtx(handler.ref(), poets, net.kit.scheduler(),
                net.peerId, atx).toCompletableFuture();
        Verdict rejected = Verdict.reject(AtxRule.SIGNATURE, "the signature does not verify");
        handler.expectMessageClass(AtxHandlerActor.HandleAtx.class).replyTo().tell(rejected);
        assertEquals(rejected, verdict.get(10, TimeUnit.SECONDS));
        handler.expectNoMessage(Duration.ofMillis(200));
        assertEquals(0, net.fetcher.pending(), "nothing fetched");
    }
}
