package io.smnode.actors.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRule;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.PostV1;
import io.smnode.actors.atx.AtxValidationPool;
import io.smnode.actors.atx.ValidationDone;
import io.smnode.actors.atx.ValidationJob;
import io.smnode.actors.atx.ValidationWorker;
import io.smnode.actors.consensus.ProposalCheckDone;
import io.smnode.actors.consensus.ProposalCheckJob;
import io.smnode.actors.consensus.ProposalCheckWorker;
import io.smnode.actors.post.NonceCandidate;
import io.smnode.actors.post.PostSupervisor;
import io.smnode.actors.post.PostWorker;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.beacon.BeaconRule;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.FixedBytes;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.hare.HareRule;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.ProposalRule;
import io.smnode.mesh.proposal.BallotRule;
import io.smnode.post.init.Batch;
import io.smnode.post.init.InitProgress;
import io.smnode.post.init.PostMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * Every class that may cross cluster members, with a fixed Kryo id. Ids are part of the wire between members of
 * different builds: append new classes with new ids, never renumber or reuse one. Records use Kryo's record
 * serializer (their canonical constructors run, so their invariants are checked on reading too).
 */
public final class KryoRegistrations {
    private static final int FIRST_ID = 100;

    private KryoRegistrations() {}

    /** The classes in id order: {@code FIRST_ID + index}. */
    static final List<Class<?>> CLASSES = List.of(
            // value types
            byte[].class, Bytes.class, Hash32.class, Hash20.class, AtxId.class, NodeId.class, Address.class,
            EpochId.class, LayerId.class, Optional.class, OptionalInt.class, OptionalLong.class, ArrayList.class,
            List.of(1).getClass(), List.of(1, 2, 3).getClass(), java.time.Duration.class, ActorRef.class,
            // the verdict and its rules
            Verdict.Accept.class, Verdict.Ignore.class, Verdict.Reject.class, CommonRule.class, AtxRule.class,
            BallotRule.class, BeaconRule.class, HareRule.class,
            // ATX validation work
            AtxHeader.class, AtxHeader.Validity.class, AtxValidation.class, ValidationJob.class, ValidationDone.class,
            AtxValidationPool.Validate.class, AtxValidationPool.WorkerReady.class, AtxValidationPool.WorkDone.class,
            ValidationWorker.Check.class,
            // PoST work and progress
            PostV1.class, ProvingWorker.Prove.class, ProvingWorker.Proven.class, ProvingWorker.Failed.class,
            Batch.class, NonceCandidate.class, PostMetadata.class, InitProgress.class, PostWorker.Compute.class,
            PostSupervisor.Start.class, PostSupervisor.Cancel.class, PostSupervisor.Subscribe.class,
            PostSupervisor.GetStatus.class, PostSupervisor.WorkerReady.class, PostSupervisor.BatchComputed.class,
            PostSupervisor.BatchFailed.class, PostSupervisor.Completed.class, PostSupervisor.Cancelled.class,
            PostSupervisor.Failed.class, PostSupervisor.Status.class, PostSupervisor.Status.State.class,
            // proposal check work
            Hint.class, ProposalRule.class, ProposalCheckJob.class, ProposalCheckDone.class,
            ProposalCheckWorker.Check.class);

    /** A Kryo with every registration, typed actor refs of any class resolved through {@code resolver}. */
    static Kryo create(ActorRefResolver resolver) {
        Kryo kryo = new Kryo(new ActorRefClassResolver(), null);
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        // Records and classes without a no-argument constructor (the id types) are made without calling one.
        kryo.setInstantiatorStrategy(new com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy(
                new StdInstantiatorStrategy()));
        Serializer<?> lists = new ImmutableListSerializer();
        for (int i = 0; i < CLASSES.size(); i++) {
            Class<?> type = CLASSES.get(i);
            Serializer<?> special = type == ActorRef.class ? new ActorRefSerializer(resolver) : special(type, lists);
            if (special != null) {
                kryo.register(type, special, FIRST_ID + i);
            } else {
                kryo.register(type, FIRST_ID + i);
            }
        }
        return kryo;
    }

    /** Serializers for the classes Kryo cannot handle by fields: byte values and the JDK's immutable lists. */
    private static Serializer<?> special(Class<?> type, Serializer<?> lists) {
        if (type == Bytes.class) {
            return new ByteValueSerializer<Bytes>(Bytes::toByteArray, Bytes::wrap);
        }
        if (type == Hash32.class) {
            return new ByteValueSerializer<Hash32>(FixedBytes::toByteArray, Hash32::of);
        }
        if (type == Hash20.class) {
            return new ByteValueSerializer<Hash20>(FixedBytes::toByteArray, Hash20::of);
        }
        if (type == AtxId.class) {
            return new ByteValueSerializer<AtxId>(FixedBytes::toByteArray, AtxId::of);
        }
        if (type == NodeId.class) {
            return new ByteValueSerializer<NodeId>(FixedBytes::toByteArray, NodeId::of);
        }
        if (type == Address.class) {
            return new ByteValueSerializer<Address>(FixedBytes::toByteArray, Address::of);
        }
        if (List.class.isAssignableFrom(type) && type != ArrayList.class) {
            return lists;
        }
        return null;
    }
}
