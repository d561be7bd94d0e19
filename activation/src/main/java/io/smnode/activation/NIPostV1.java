package io.smnode.activation;

import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import java.util.Optional;

/**
 * A non-interactive proof of space-time: membership of the ATX's challenge in a PoET round, and a PoST proven over
 * that round's proof reference. The membership is inline; post and metadata are optional on the wire (validation
 * requires both).
 */
public record NIPostV1(MerkleProofV1 membership, Optional<PostV1> post, Optional<PostMetadataV1> postMetadata) {
    public static final ScaleCodec<NIPostV1> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("Membership", MerkleProofV1.CODEC, v.membership());
                w.field("Post", ScaleCodecs.option(PostV1.CODEC), v.post());
                w.field("PostMetadata", ScaleCodecs.option(PostMetadataV1.CODEC), v.postMetadata());
            },
            r -> new NIPostV1(
                    r.field("Membership", MerkleProofV1.CODEC),
                    r.field("Post", ScaleCodecs.option(PostV1.CODEC)),
                    r.field("PostMetadata", ScaleCodecs.option(PostMetadataV1.CODEC))));
}
