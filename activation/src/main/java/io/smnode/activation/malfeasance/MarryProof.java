package io.smnode.activation.malfeasance;

import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.activation.v2.TreeIndex;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.signing.Domain;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * "nodeID signed a certificate marrying smesherID, and it is inside ATX atxID" (spec 11 §6.2): the marriages root
 * with its proof in the ATX tree (leaf 7), the certificate with its proof in the marriages tree.
 *
 * @param certificateIndex the certificate's position, u32
 */
public record MarryProof(Hash32 marriagesRoot, List<Hash32> marriagesRootProof, MarriageCertificate certificate,
                         List<Hash32> certificateProof, long certificateIndex) {
    public static final ScaleCodec<MarryProof> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("MarriageCertificatesRoot", io.smnode.core.codec.CoreCodecs.HASH32, v.marriagesRoot());
                w.field("MarriageCertificatesProof", ProofCodecs.NODES, v.marriagesRootProof());
                w.field("Certificate", MarriageCertificate.CODEC, v.certificate());
                w.field("CertificateProof", ProofCodecs.NODES, v.certificateProof());
                w.field("CertificateIndex", ScaleCodecs.COMPACT_U32, v.certificateIndex());
            },
            r -> new MarryProof(r.field("MarriageCertificatesRoot", io.smnode.core.codec.CoreCodecs.HASH32),
                    r.field("MarriageCertificatesProof", ProofCodecs.NODES),
                    r.field("Certificate", MarriageCertificate.CODEC),
                    r.field("CertificateProof", ProofCodecs.NODES),
                    r.field("CertificateIndex", ScaleCodecs.COMPACT_U32)));

    public MarryProof {
        marriagesRootProof = List.copyOf(marriagesRootProof);
        certificateProof = List.copyOf(certificateProof);
    }

    /**
     * The proof for {@code nodeId}'s certificate in {@code atx} (the reference's {@code createMarryProof}): the
     * first certificate that is the signer's own (when {@code nodeId} signed the ATX) or whose reference ATX is
     * {@code nodeId}'s; empty when there is none.
     *
     * @param smesherOf the signer of a stored ATX (the reference ATXs'), empty when not known
     */
    public static Optional<MarryProof> of(ActivationTxV2 atx, NodeId nodeId, Function<AtxId, Optional<NodeId>> smesherOf) {
        List<MarriageCertificate> certs = atx.marriages();
        for (int i = 0; i < certs.size(); i++) {
            MarriageCertificate c = certs.get(i);
            boolean self = c.isSelf() && atx.smesherId().equals(nodeId);
            if (self || smesherOf.apply(c.referenceAtx()).filter(nodeId::equals).isPresent()) {
                return Optional.of(new MarryProof(atx.marriagesRoot(), atx.proof(TreeIndex.Atx.MARRIAGES_ROOT), c,
                        atx.marriageProof(i), i));
            }
        }
        return Optional.empty();
    }

    /** Checks that {@code nodeId} married {@code smesherId} with a certificate inside ATX {@code atxId}. */
    void validate(MalfeasanceChecks checks, AtxId atxId, NodeId smesherId, NodeId nodeId) throws ProofFailure {
        ProofFailure.require(checks.signature(Domain.MARRIAGE, nodeId, smesherId.toByteArray(), certificate.signature()),
                MalfeasanceRule.CERTIFICATE_SIGNATURE, "certificate not signed by " + nodeId.hex());
        ProofFailure.require(ProofCodecs.proves(ProofCodecs.leaf(atxId), marriagesRoot, marriagesRootProof,
                TreeIndex.Atx.MARRIAGES_ROOT.ordinal()), MalfeasanceRule.MARRIAGES_ROOT_PROOF,
                "marriages root not in ATX " + atxId.hex());
        ProofFailure.require(ProofCodecs.proves(marriagesRoot, certificate.root(), certificateProof, certificateIndex),
                MalfeasanceRule.CERTIFICATE_PROOF, "certificate " + certificateIndex + " not in the marriages");
    }
}
