package io.smnode.actors.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.ValidationDone;
import io.smnode.actors.atx.ValidationJob;
import io.smnode.actors.consensus.ProposalCheckDone;
import io.smnode.actors.consensus.ProposalCheckJob;
import io.smnode.actors.consensus.ProposalCheckWorker;
import io.smnode.actors.post.PostSupervisor;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.ProposalRule;
import io.smnode.mesh.proposal.BallotRule;
import io.smnode.post.init.InitProgress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cluster messages survive our serializer unchanged, refs included; a class without a registration is refused. */
class KryoSerializerTest {
    private final ActorTestKit kit = ActorTestKit.create();
    private final Serialization serialization = SerializationExtension.get(Adapter.toClassic(kit.system()));

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void validationWorkAndResultsRoundTripWithTheirRefs() {
        TestProbe<ValidationDone> replyTo = kit.createTestProbe();
        ValidationJob job = new ValidationJob(7, Bytes.ofHex("00ff10"), Optional.of(Hash32.of(new byte[32])),
                EpochId.of(3));
        AtxHeader header = new AtxHeader(AtxId.of(new byte[32]), EpochId.of(2), 1, AtxId.of(new byte[32]),
                Address.ofHex("00000000" + "c0".repeat(20)), 4, 10, 5, 99, NodeId.of(new byte[32]), 20,
                AtxHeader.Validity.VALID);
        for (Object message : List.of(
                new AtxValidationPool.Validate(job, replyTo.getRef()),
                new ValidationDone(job, AtxValidation.valid(header)),
                new ValidationDone(job, AtxValidation.invalidPostIndex(3, "label 3")),
                new ValidationDone(job, new AtxValidation(Verdict.ignore(CommonRule.QUEUE_FULL, "full"),
                        Optional.empty(), OptionalInt.empty())),
                new ValidationDone(job, AtxValidation.reject(AtxRule.SIGNATURE, "bad")))) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void proposalCheckWorkAndResultsRoundTripWithTheirRefs() {
        TestProbe<ProposalCheckDone> replyTo = kit.createTestProbe();
        ProposalCheckJob job = new ProposalCheckJob(9, Bytes.ofHex("0102"), true, LayerId.of(30), LayerId.of(29),
                replyTo.getRef());
        for (Object message : List.of(new ProposalCheckWorker.Check(job),
                new ProposalCheckDone(9, Verdict.accept(), Optional.empty(), Optional.empty()),
                new ProposalCheckDone(9, Verdict.ignore(BallotRule.UNKNOWN_REFERENCE_BALLOT, "ref"),
                        Optional.of(Hint.BALLOT), Optional.of(Bytes.ofHex("aa"))),
                new ProposalCheckDone(9, Verdict.reject(ProposalRule.SIGNATURE, "sig"), Optional.empty(),
                        Optional.empty()))) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void postProgressAndStatusRoundTrip() {
        InitProgress progress = new InitProgress(10, 100, 10, 5.5, Optional.of(Duration.ofSeconds(18)), false);
        PostSupervisor.Status status = new PostSupervisor.Status(PostSupervisor.Status.State.RUNNING,
                Optional.of(progress), 2);
        assertEquals(progress, roundTrip(progress));
        assertEquals(status, roundTrip(status));
        assertEquals(new PostSupervisor.Cancelled(42), roundTrip(new PostSupervisor.Cancelled(42)));
    }

    @Test
    void anUnregisteredClassIsRefused() throws Exception {
        Serializer kryo = serialization.serializerFor(ClusterMessage.class);
        assertEquals(KryoSerializer.IDENTIFIER, kryo.identifier());
        record Unknown(int x) implements ClusterMessage {}
        assertThrows(IllegalArgumentException.class, () -> kryo.toBinary(new Unknown(1)));
    }

    @Test
    void registrationIdsAreFixed() {
        // Appending is fine; changing an existing id breaks members of different builds talking to each other.
        assertEquals(byte[].class, KryoRegistrations.CLASSES.get(0));
        assertEquals(Verdict.Accept.class, KryoRegistrations.CLASSES.get(17));
        assertEquals(AtxHeader.class, KryoRegistrations.CLASSES.get(25));
    }

    private Object roundTrip(Object message) {
        try {
            Serializer serializer = serialization.findSerializerFor(message);
            assertEquals(KryoSerializer.IDENTIFIER, serializer.identifier(), message.getClass().getName());
            return serializer.fromBinary(serializer.toBinary(message), (Class<?>) null);
        } catch (java.io.NotSerializableException e) {
            throw new AssertionError(e);
        }
    }
}
