package io.smnode.poet;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.Verdict;

/**
 * A PoET proof message a peer served for a reference, judged as go-spacemesh's {@code PoetDb.ValidateAndStoreMsg}
 * does: it must decode, its proof's reference must be the one asked for, and the proof must verify over the message's
 * statement and leaf count (the service id and the signature are not checked, as in the reference). A failure is a
 * reject: the peer served bytes that are not what it was asked for.
 */
public final class FetchedPoetProof {
    private FetchedPoetProof() {}

    /** The verdict on {@code bytes} served for {@code expectedRef}, and the decoded message when it is accepted. */
    public record Judged(Verdict verdict, PoetProofMessage message) {}

    public static Judged judge(Bytes bytes, Hash32 expectedRef) {
        PoetProofMessage m;
        try {
            m = Scale.decode("PoetProofMessage", PoetProofMessage.CODEC, bytes.toByteArray());
        } catch (ScaleException | RuntimeException e) {
            return new Judged(Verdict.reject(PoetProofRule.MALFORMED, e.getMessage()), null);
        }
        Hash32 ref = m.proof().ref();
        if (!ref.equals(expectedRef)) {
            return new Judged(Verdict.reject(PoetProofRule.WRONG_REF, "asked for " + expectedRef.hex() + ", got "
                    + ref.hex()), null);
        }
        try {
            PoetVerifier.verify(m.proof().merkleProof(), Bytes.of(m.statement().toByteArray()), m.proof().leafCount());
        } catch (ProofException e) {
            return new Judged(Verdict.reject(PoetProofRule.INVALID_PROOF, e.getMessage()), null);
        }
        return new Judged(Verdict.accept(), m);
    }
}
