package io.smnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.smnode.activation.PostV1;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import spacemesh.v1.Metadata;
import spacemesh.v1.NodeRequest;
import spacemesh.v1.PostInfoServiceGrpc;
import spacemesh.v1.PostState;
import spacemesh.v1.PostStatesRequest;
import spacemesh.v1.Proof;

/**
 * v1 PostService with fake post services (grpc-java clients) against a stand-in PoST component found through the
 * receptionist: the registration protocol, the proof loop and PostStates.
 */
class PostServiceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Metadata META = Metadata.newBuilder()
            .setNodeId(ByteString.copyFrom(ApiFixture.IDENTITY.toByteArray()))
            .setCommitmentAtxId(ByteString.copyFrom(new byte[32])).setNonce(7).setNumUnits(4).setLabelsPerUnit(64)
            .build();
    private static final Hash32 CHALLENGE = Hash32.of(filled(0x5c));

    private ApiFixture api;
    private TestProbe<PostServiceActor.AttachRemote> attached;

    @BeforeEach
    void start() {
        api = new ApiFixture();
        attached = api.kit.createTestProbe();
        ActorRef<PostServiceActor.Command> post = api.kit.spawn(Behaviors.receive(PostServiceActor.Command.class)
                .onMessage(PostServiceActor.AttachRemote.class, a -> {
                    attached.getRef().tell(a);
                    return Behaviors.same();
                }).build());
        api.kit.system().receptionist().tell(Receptionist.register(PostServiceActor.KEY, post));
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
    }

    @Test
    void asksMetadataFirstThenRelaysProofRequestsUntilAProofForTheChallengeArrives() throws Exception {
        try (FakePostService service = new FakePostService(api.channel("post"))) {
            assertTrue(service.next(WAIT).hasMetadata(), "the node asks for the metadata first");
            service.sendMetadata(META);
            PostServiceActor.AttachRemote attach = attached.receiveMessage(WAIT);
            assertEquals(ApiFixture.IDENTITY, attach.identity());

            TestProbe<ProvingWorker.Result> asker = api.kit.createTestProbe();
            attach.prover().tell(new ProvingWorker.Prove(CHALLENGE, asker.getRef()));
            NodeRequest first = service.next(WAIT);
            assertEquals(ByteString.copyFrom(CHALLENGE.toByteArray()), first.getGenProof().getChallenge());
            assertEquals(PostState.State.PROVING, ownState());

            long asked = System.nanoTime();
            service.sendStillProving();
            NodeRequest again = service.next(WAIT);
            assertEquals(first, again, "the same request again");
            assertTrue(System.nanoTime() - asked >= Duration.ofMillis(1_500).toNanos(), "after about 2 s");

            Proof proof = Proof.newBuilder().setNonce(9).setIndices(ByteString.copyFrom(new byte[] {1, 2, 3}))
                    .setPow(12345).build();
            service.sendProof(first.getGenProof().getChallenge(), META, proof);
            ProvingWorker.Proven proven = assertInstanceOf(ProvingWorker.Proven.class, asker.receiveMessage(WAIT));
            assertEquals(new PostV1(9, Bytes.ofHex("010203"), 12345), proven.post());
            assertEquals(CHALLENGE, proven.challenge());
            assertEquals(PostState.State.IDLE, ownState());
            assertEquals(1, api.metric("smnode_api_post_services"));
            assertEquals(1, api.metric("smnode_api_post_proofs", "outcome", "proven"));
            assertTrue(api.metric("smnode_api_requests", "listener", "post", "method",
                    "/spacemesh.v1.PostService/Register") >= 1);
        }
    }

    @Test
    void aProofOfAnotherChallengeIsRefused() throws Exception {
        try (FakePostService service = registered()) {
            TestProbe<ProvingWorker.Result> asker = api.kit.createTestProbe();
            attached.receiveMessage(WAIT).prover().tell(new ProvingWorker.Prove(CHALLENGE, asker.getRef()));
            service.next(WAIT);
            service.sendProof(ByteString.copyFrom(filled(0x01)), META, Proof.newBuilder().setNonce(1).build());
            ProvingWorker.Failed failed = assertInstanceOf(ProvingWorker.Failed.class, asker.receiveMessage(WAIT));
            assertTrue(failed.reason().contains("another challenge"), failed.reason());
        }
    }

    @Test
    void aSecondServiceForTheSameIdentityIsRefusedUntilTheFirstLeaves() throws Exception {
        FakePostService first = registered();
        attached.receiveMessage(WAIT);
        try (FakePostService second = new FakePostService(api.channel("post"))) {
            second.next(WAIT);
            second.sendMetadata(META);
            assertEquals(Status.Code.ALREADY_EXISTS, second.endedWith(WAIT));
        }
        TestProbe<ProvingWorker.Result> asker = api.kit.createTestProbe();
        first.close();
        try (FakePostService third = new FakePostService(api.channel("post"))) {
            asker.awaitAssert(WAIT, () -> {
                third.next(WAIT);
                return null;
            });
            third.sendMetadata(META);
            attached.receiveMessage(WAIT); // the third is granted once the first is gone
        }
    }

    @Test
    void anAnswerOtherThanMetadataFirstIsRefused() throws Exception {
        try (FakePostService service = new FakePostService(api.channel("post"))) {
            service.next(WAIT);
            service.sendStillProving();
            assertEquals(Status.Code.INVALID_ARGUMENT, service.endedWith(WAIT));
        }
    }

    @Test
    void aPendingProofFailsWhenTheServiceLeaves() throws Exception {
        FakePostService service = registered();
        TestProbe<ProvingWorker.Result> asker = api.kit.createTestProbe();
        attached.receiveMessage(WAIT).prover().tell(new ProvingWorker.Prove(CHALLENGE, asker.getRef()));
        service.next(WAIT);
        service.close();
        ProvingWorker.Failed failed = assertInstanceOf(ProvingWorker.Failed.class, asker.receiveMessage(WAIT));
        assertEquals("the post service disconnected", failed.reason());
    }

    @Test
    void aNodeWithoutCoinbaseRefusesPostServices() throws Exception {
        try (ApiFixture noCoinbase = new ApiFixture(Optional.of(ApiFixture.IDENTITY), false);
             FakePostService service = new FakePostService(noCoinbase.channel("post"))) {
            assertEquals(Status.Code.FAILED_PRECONDITION, service.endedWith(WAIT));
        }
    }

    private FakePostService registered() throws InterruptedException {
        FakePostService service = new FakePostService(api.channel("post"));
        service.next(WAIT);
        service.sendMetadata(META);
        return service;
    }

    private PostState.State ownState() {
        List<PostState> states = PostInfoServiceGrpc.newBlockingStub(api.channel("private"))
                .postStates(PostStatesRequest.getDefaultInstance()).getStatesList();
        return states.stream().filter(s -> s.getId().equals(META.getNodeId())).findFirst().orElseThrow().getState();
    }

    private static byte[] filled(int b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) b);
        return bytes;
    }
}
