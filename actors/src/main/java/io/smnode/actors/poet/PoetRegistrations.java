package io.smnode.actors.poet;

import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.poet.Pow;
import io.smnode.poet.PowParams;
import io.smnode.poet.SubmitRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds a node's PoET registration (spec 09 §2.1, spec 02 §5): the challenge signed in the POET domain, so the
 * request's prefix is the signer's prefix (the genesis id) followed by the domain byte, and the server checks the
 * signature over {@code prefix || challenge}. Authorized by the legacy PoW, solved here for the quoted parameters.
 */
public final class PoetRegistrations {
    private PoetRegistrations() {}

    public static SubmitRequest withPow(EdSigner signer, Bytes challenge, PowParams pow, Optional<Instant> deadline) {
        Bytes pubkey = Bytes.of(signer.nodeId().toByteArray());
        long nonce = Pow.solve(pow.challenge().toByteArray(), pubkey.toByteArray(), challenge.toByteArray(),
                pow.difficulty());
        return new SubmitRequest(poetPrefix(signer), challenge, pubkey,
                Bytes.of(signer.sign(Domain.POET, challenge.toByteArray()).toByteArray()), nonce, pow,
                Optional.empty(), Optional.empty(), deadline);
    }

    /** What go-spacemesh sends as {@code prefix}: the signer's prefix and the POET domain byte. */
    public static Bytes poetPrefix(EdSigner signer) {
        byte[] prefix = new byte[signer.prefix().length() + 1];
        signer.prefix().copyTo(prefix, 0);
        prefix[prefix.length - 1] = (byte) Domain.POET.value();
        return Bytes.wrap(prefix);
    }
}
