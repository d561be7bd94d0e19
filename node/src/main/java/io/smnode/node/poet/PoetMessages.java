package io.smnode.node.poet;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.smnode.actors.poet.PoetRegistration;
import io.smnode.core.types.Bytes;
import io.smnode.node.poet.api.PoetApi;
import io.smnode.poet.MerkleProof;
import io.smnode.poet.OpaqueCertificate;
import io.smnode.poet.PoetInfo;
import io.smnode.poet.PoetProof;
import io.smnode.poet.PowParams;
import io.smnode.poet.RoundProof;
import io.smnode.poet.SubmitRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The PoET's domain records to and from the gateway's protobuf messages. proto3 has no presence for scalars, so an
 * empty {@code certificate_pubkey_hint} is no hint, and an absent Duration is zero; messages (certificate,
 * deadline, certifier) are present or not.
 */
final class PoetMessages {
    private PoetMessages() {}

    // ---- Submit -------------------------------------------------------------------------------------------------

    static PoetApi.SubmitRequest submit(SubmitRequest r) {
        PoetApi.SubmitRequest.Builder m = PoetApi.SubmitRequest.newBuilder()
                .setNonce(r.nonce())
                .setPowParams(powParams(r.powParams()))
                .setPrefix(bytes(r.prefix()))
                .setChallenge(bytes(r.challenge()))
                .setPubkey(bytes(r.pubkey()))
                .setSignature(bytes(r.signature()));
        r.deadline().ifPresent(d -> m.setDeadline(timestamp(d)));
        r.certificate().ifPresent(c -> m.setCertificate(PoetApi.SubmitRequest.Certificate.newBuilder()
                .setData(bytes(c.data())).setSignature(bytes(c.signature()))));
        r.certificatePubkeyHint().ifPresent(h -> m.setCertificatePubkeyHint(bytes(h)));
        return m.build();
    }

    static SubmitRequest submit(PoetApi.SubmitRequest m) {
        Optional<OpaqueCertificate> certificate = m.hasCertificate()
                ? Optional.of(new OpaqueCertificate(bytes(m.getCertificate().getData()),
                        bytes(m.getCertificate().getSignature())))
                : Optional.empty();
        Optional<Bytes> hint = m.getCertificatePubkeyHint().isEmpty()
                ? Optional.empty()
                : Optional.of(bytes(m.getCertificatePubkeyHint()));
        Optional<Instant> deadline = m.hasDeadline() ? Optional.of(instant(m.getDeadline())) : Optional.empty();
        return new SubmitRequest(bytes(m.getPrefix()), bytes(m.getChallenge()), bytes(m.getPubkey()),
                bytes(m.getSignature()), m.getNonce(), powParams(m.getPowParams()), certificate, hint, deadline);
    }

    static PoetApi.SubmitResponse submitResponse(String roundId, Duration roundEnd) {
        return PoetApi.SubmitResponse.newBuilder().setRoundId(roundId).setRoundEnd(duration(roundEnd)).build();
    }

    static PoetRegistration registration(PoetApi.SubmitResponse m) {
        return new PoetRegistration(m.getRoundId(), duration(m.getRoundEnd()));
    }

    // ---- Info and PoW parameters ----------------------------------------------------------------------------------

    static PoetApi.InfoResponse info(PoetInfo info) {
        PoetApi.InfoResponse.Builder m = PoetApi.InfoResponse.newBuilder()
                .setServicePubkey(bytes(info.servicePubKey()))
                .setPhaseShift(duration(info.phaseShift()))
                .setCycleGap(duration(info.cycleGap()));
        info.certifier().ifPresent(c -> m.setCertifier(PoetApi.InfoResponse.Certifier.newBuilder()
                .setUrl(c.url()).setPubkey(bytes(c.pubKey()))));
        return m.build();
    }

    static PoetInfo info(PoetApi.InfoResponse m) {
        Optional<PoetInfo.Certifier> certifier = m.hasCertifier()
                ? Optional.of(new PoetInfo.Certifier(m.getCertifier().getUrl(), bytes(m.getCertifier().getPubkey())))
                : Optional.empty();
        return new PoetInfo(bytes(m.getServicePubkey()), duration(m.getPhaseShift()), duration(m.getCycleGap()),
                certifier);
    }

    static PoetApi.PowParamsResponse powParamsResponse(PowParams p) {
        return PoetApi.PowParamsResponse.newBuilder().setPowParams(powParams(p)).build();
    }

    static PowParams powParams(PoetApi.PowParamsResponse m) {
        return powParams(m.getPowParams());
    }

    private static PoetApi.PowParams powParams(PowParams p) {
        return PoetApi.PowParams.newBuilder().setDifficulty((int) p.difficulty()).setChallenge(bytes(p.challenge()))
                .build();
    }

    private static PowParams powParams(PoetApi.PowParams m) {
        return new PowParams(bytes(m.getChallenge()), Integer.toUnsignedLong(m.getDifficulty()));
    }

    // ---- Proof ----------------------------------------------------------------------------------------------------

    static PoetApi.ProofResponse proof(RoundProof p, Bytes servicePubKey) {
        MerkleProof merkle = p.proof().merkleProof();
        return PoetApi.ProofResponse.newBuilder()
                .setProof(PoetApi.PoetProof.newBuilder()
                        .setProof(PoetApi.MerkleProof.newBuilder()
                                .setRoot(bytes(merkle.root()))
                                .addAllProvenLeaves(byteStrings(merkle.provenLeaves()))
                                .addAllProofNodes(byteStrings(merkle.proofNodes())))
                        .addAllMembers(byteStrings(p.members()))
                        .setLeaves(p.proof().leafCount()))
                .setPubkey(bytes(servicePubKey))
                .build();
    }

    /** The answer names no round, so the caller says which one it asked for. */
    static RoundProof proof(long round, PoetApi.ProofResponse m) {
        PoetApi.PoetProof p = m.getProof();
        PoetApi.MerkleProof merkle = p.getProof();
        return new RoundProof(round, new PoetProof(new MerkleProof(bytes(merkle.getRoot()),
                bytesList(merkle.getProvenLeavesList()), bytesList(merkle.getProofNodesList())), p.getLeaves()),
                bytesList(p.getMembersList()));
    }

    // ---- Errors ---------------------------------------------------------------------------------------------------

    static PoetApi.GatewayError error(int grpcCode, String message) {
        return PoetApi.GatewayError.newBuilder().setCode(grpcCode).setMessage(message).build();
    }

    // ---- scalars --------------------------------------------------------------------------------------------------

    private static ByteString bytes(Bytes b) {
        return ByteString.copyFrom(b.toByteArray());
    }

    private static Bytes bytes(ByteString b) {
        return b.isEmpty() ? Bytes.EMPTY : Bytes.wrap(b.toByteArray());
    }

    private static List<ByteString> byteStrings(List<Bytes> items) {
        return items.stream().map(PoetMessages::bytes).toList();
    }

    private static List<Bytes> bytesList(List<ByteString> items) {
        return items.stream().map(PoetMessages::bytes).toList();
    }

    /** protobuf keeps seconds and nanos of one sign; java.time keeps nanos non-negative. */
    static com.google.protobuf.Duration duration(Duration d) {
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        if (seconds < 0 && nanos > 0) {
            seconds += 1;
            nanos -= 1_000_000_000;
        }
        return com.google.protobuf.Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build();
    }

    static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
