package io.smnode.activation.v2;

import io.smnode.activation.PostV1;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Seeded random v2 structures of every shape (initial, solo, marriage, merged) for round trips and tampering. */
final class V2Samples {
    static final Bytes PREFIX = Bytes.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");

    private final Random random;

    V2Samples(long seed) {
        random = new Random(seed);
    }

    static EdSigner signer(int seed) {
        byte[] s = new byte[32];
        java.util.Arrays.fill(s, (byte) seed);
        return EdSigner.fromSeed(s, PREFIX);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    AtxId atxId() {
        return AtxId.of(bytes(32));
    }

    Hash32 hash() {
        return Hash32.of(bytes(32));
    }

    long u32() {
        return random.nextInt() & 0xffff_ffffL;
    }

    PostV1 post() {
        return new PostV1(u32(), Bytes.wrap(bytes(1 + random.nextInt(40))), random.nextLong());
    }

    SubPostV2 subPost(int marriageIndex, int prevIndex) {
        return new SubPostV2(marriageIndex, prevIndex, random.nextLong(), post(), 1 + random.nextInt(100));
    }

    NIPostV2 nipost(int posts, int previousAtxs) {
        List<Hash32> nodes = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            nodes.add(hash());
        }
        List<SubPostV2> subs = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            subs.add(subPost(i, previousAtxs == 0 ? 0 : random.nextInt(previousAtxs)));
        }
        return new NIPostV2(new MerkleProofV2(nodes), hash(), subs);
    }

    private ActivationTxV2 unsigned(Optional<InitialAtxPartsV2> initial, List<AtxId> previous, List<NIPostV2> niposts,
                                    List<MarriageCertificate> marriages, Optional<AtxId> marriageAtx) {
        return new ActivationTxV2(EpochId.of(2 + random.nextInt(100)), atxId(), Address.of(bytes(24)), initial,
                previous, niposts, random.nextLong(), marriages, marriageAtx, NodeId.ZERO,
                Signature.of(new byte[64]));
    }

    ActivationTxV2 initial(EdSigner signer) {
        return unsigned(Optional.of(new InitialAtxPartsV2(atxId(), post())), List.of(), List.of(nipost(1, 0)),
                List.of(), Optional.empty()).sign(signer);
    }

    ActivationTxV2 solo(EdSigner signer) {
        return unsigned(Optional.empty(), List.of(atxId()), List.of(nipost(1, 1)), List.of(), Optional.empty())
                .sign(signer);
    }

    /** A solo ATX with the signer's own certificate and {@code partners}' certificates. */
    ActivationTxV2 marriage(EdSigner signer, List<EdSigner> partners) {
        List<MarriageCertificate> certs = new ArrayList<>();
        certs.add(MarriageCertificate.self(signer));
        for (EdSigner p : partners) {
            certs.add(MarriageCertificate.sign(p, signer.nodeId(), atxId()));
        }
        return unsigned(Optional.empty(), List.of(atxId()), List.of(nipost(1, 1)), certs, Optional.empty())
                .sign(signer);
    }

    /** A merged ATX of {@code members} identities over {@code niposts} PoET rounds. */
    ActivationTxV2 merged(EdSigner signer, int members, int niposts) {
        List<AtxId> previous = new ArrayList<>();
        for (int i = 0; i < Math.max(1, members / 2); i++) {
            previous.add(atxId());
        }
        List<NIPostV2> list = new ArrayList<>();
        int index = 0;
        for (int n = 0; n < niposts; n++) {
            int posts = members / niposts + (n < members % niposts ? 1 : 0);
            NIPostV2 nipost = nipost(0, 0);
            List<SubPostV2> subs = new ArrayList<>();
            for (int p = 0; p < posts; p++) {
                subs.add(subPost(index++, random.nextInt(previous.size())));
            }
            list.add(new NIPostV2(nipost.membership(), nipost.challenge(), subs));
        }
        return unsigned(Optional.empty(), previous, list, List.of(), Optional.of(atxId())).sign(signer);
    }
}
