package io.smnode.api.post;

import com.google.protobuf.ByteString;
import io.smnode.activation.PostV1;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import java.util.HexFormat;
import spacemesh.v1.GenProofRequest;
import spacemesh.v1.GenProofResponse;
import spacemesh.v1.GenProofStatus;
import spacemesh.v1.MetadataRequest;
import spacemesh.v1.NodeRequest;

/**
 * The messages of the post protocol and what a proof answer means, as the reference's post client reads it: an OK
 * without a proof is "still proving, ask again"; a proof must echo the challenge it was asked for.
 */
final class RemoteProofs {
    /** What one answer to a proof request means. */
    sealed interface Outcome {}

    record StillProving() implements Outcome {}

    record Proven(PostV1 post) implements Outcome {}

    record Refused(String why) implements Outcome {}

    private RemoteProofs() {}

    static NodeRequest metadataRequest() {
        return NodeRequest.newBuilder().setMetadata(MetadataRequest.getDefaultInstance()).build();
    }

    static NodeRequest proofRequest(Hash32 challenge) {
        return NodeRequest.newBuilder().setGenProof(GenProofRequest.newBuilder()
                .setChallenge(ByteString.copyFrom(challenge.toByteArray()))).build();
    }

    static Outcome read(Hash32 asked, GenProofResponse response) {
        if (response.getStatus() != GenProofStatus.GEN_PROOF_STATUS_OK) {
            return new Refused("the post service could not prove (" + response.getStatus() + ")");
        }
        if (!response.hasProof()) {
            return new StillProving();
        }
        if (!response.hasMetadata()) {
            return new Refused("the post service's proof came without its metadata");
        }
        ByteString echoed = response.getMetadata().getChallenge();
        if (!echoed.equals(ByteString.copyFrom(asked.toByteArray()))) {
            return new Refused("the post service proved another challenge: "
                    + HexFormat.of().formatHex(echoed.toByteArray()) + " instead of " + asked.hex());
        }
        try {
            return new Proven(new PostV1(Integer.toUnsignedLong(response.getProof().getNonce()),
                    Bytes.of(response.getProof().getIndices().toByteArray()), response.getProof().getPow()));
        } catch (IllegalArgumentException e) {
            return new Refused("the post service's proof is malformed: " + e.getMessage());
        }
    }
}
