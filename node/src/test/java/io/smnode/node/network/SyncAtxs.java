package io.smnode.node.network;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxRule;
import io.smnode.activation.InnerActivationTxV1;
import io.smnode.activation.MerkleProofV1;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.NIPostV1;
import io.smnode.activation.PostMetadataV1;
import io.smnode.activation.PostV1;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.Store;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.PoetProof;
import io.smnode.poet.PoetProofMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** ATXs, their stored form and a PoET proof message from the vectors, and a stand-in for the ATX handler. */
final class SyncAtxs {
    static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    static final AtxId GOLDEN = AtxId.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50d3149a42801184f5b74f2865");

    private SyncAtxs() {}

    /** A signed v1 ATX of smesher {@code seed} published in {@code publish}, positioned on {@code positioning}. */
    static ActivationTxV1 atx(int seed, long publish, AtxId positioning, Optional<Hash32> poetRef) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        EdSigner signer = EdSigner.fromSeed(key, PREFIX);
        PostV1 post = new PostV1(1, Bytes.ofHex("01"), 2);
        NIPostChallengeV1 challenge = new NIPostChallengeV1(EpochId.of(publish), 0, AtxId.ZERO, positioning,
                Optional.of(GOLDEN), Optional.of(post));
        NIPostV1 nipost = new NIPostV1(new MerkleProofV1(List.of(), 0), Optional.of(post),
                poetRef.map(r -> PostMetadataV1.of(r, 64)));
        InnerActivationTxV1 inner = new InnerActivationTxV1(challenge, Address.ofHex("00000000" + "c0".repeat(20)), 2,
                Optional.of(nipost), Optional.of(signer.nodeId()), Optional.of(9L));
        return ActivationTxV1.sign(inner, signer);
    }

    static ActivationTxV1 atx(int seed, long publish) {
        return atx(seed, publish, GOLDEN, Optional.empty());
    }

    /** Stores {@code atx} as a node that accepted it does (blob, header, epoch index). */
    static void store(Store store, ActivationTxV1 atx) {
        store.write(new LmdbAtxStore(store).put(atx, new AtxHeader(atx.id(), atx.publishEpoch(), 0, GOLDEN,
                atx.inner().coinbase(), 2, 0, 5, 9, atx.smesherId(), 10, AtxHeader.Validity.VALID)));
    }

    static Bytes bytes(ActivationTxV1 atx) {
        return Bytes.of(atx.encode());
    }

    /**
     * The PoET proof of poet.json's mainnet-sized case (150 leaves, T = 150) as the message a node keeps and serves:
     * its statement is the case's challenge; service and round id are the node's own choice.
     */
    static PoetProofMessage vectorProof() {
        String id = "proof/a123123123mskofvuw098e71bnj91273/150/T150";
        Hash32 statement = Hash32.of(Vectors.casesWhere("poet.json", "id", id).get(0).get("challenge_ascii").asText()
                .getBytes(StandardCharsets.US_ASCII));
        return new PoetProofMessage(poetProof(id), Bytes.of(new byte[32]), "7", statement,
                Signature.of(new byte[Signature.LENGTH]));
    }

    /** The proof (root, proven leaves, proof nodes, leaf count) of poet.json's case {@code id}. */
    static PoetProof poetProof(String id) {
        JsonNode c = Vectors.casesWhere("poet.json", "id", id).get(0);
        return new PoetProof(new MerkleProof(Bytes.ofHex(c.get("root").asText()), hexList(c.get("proven_leaves")),
                hexList(c.get("proof_nodes"))), c.get("leaves").asLong());
    }

    static Bytes encode(PoetProofMessage m) {
        return Bytes.wrap(Scale.encode(PoetProofMessage.CODEC, m));
    }

    private static List<Bytes> hexList(JsonNode arr) {
        List<Bytes> out = new ArrayList<>();
        arr.forEach(n -> out.add(Bytes.ofHex(n.asText())));
        return out;
    }

    /**
     * Stands in for the ATX handler (the real one validates PoST, which these ATXs do not carry) with the verdicts
     * sync reacts to: bytes that are not the ATX asked for are rejected, a known ATX ignored, one whose positioning
     * ATX or PoET proof the node lacks ignored with that rule; any other is stored in {@code store} and accepted.
     * {@link #judged} counts the judgements of each ATX.
     */
    static final class Handler {
        final Map<AtxId, AtomicInteger> judged = new ConcurrentHashMap<>();
        private final Store store;

        Handler(Store store) {
            this.store = store;
        }

        int judged(ActivationTxV1 atx) {
            AtomicInteger n = judged.get(atx.id());
            return n == null ? 0 : n.get();
        }

        Behavior<AtxHandlerActor.Command> behavior() {
            return Behaviors.receive(AtxHandlerActor.Command.class)
                    .onMessage(AtxHandlerActor.HandleAtx.class, h -> {
                        h.replyTo().tell(judge(h.atx(), h.expectedId()));
                        return Behaviors.same();
                    }).build();
        }

        private Verdict judge(Bytes bytes, Optional<Hash32> expected) {
            ActivationTxV1 atx;
            try {
                atx = ActivationTxV1.decode(bytes.toByteArray());
            } catch (ScaleException e) {
                return Verdict.reject(AtxRule.MALFORMED, e.getMessage());
            }
            judged.computeIfAbsent(atx.id(), x -> new AtomicInteger()).incrementAndGet();
            LmdbAtxStore atxs = new LmdbAtxStore(store);
            if (expected.isPresent() && !Arrays.equals(expected.get().toByteArray(), atx.id().toByteArray())) {
                return Verdict.reject(AtxRule.WRONG_HASH, "not the ATX asked for");
            }
            if (atxs.contains(atx.id())) {
                return Verdict.ignore(AtxRule.KNOWN, "known");
            }
            AtxId positioning = atx.challenge().positioningAtx();
            if (!positioning.equals(GOLDEN) && !atxs.contains(positioning)) {
                return Verdict.ignore(AtxRule.UNKNOWN_POSITIONING_ATX, positioning.hex());
            }
            Optional<Hash32> poet = atx.inner().nipost().flatMap(NIPostV1::postMetadata)
                    .flatMap(PostMetadataV1::poetRef);
            if (poet.isPresent() && new StoredPoetProofs(store).leafCount(poet.get()).isEmpty()) {
                return Verdict.ignore(AtxRule.UNKNOWN_POET_PROOF, poet.get().hex());
            }
            SyncAtxs.store(store, atx);
            return Verdict.accept();
        }
    }
}
