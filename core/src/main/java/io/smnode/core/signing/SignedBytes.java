package io.smnode.core.signing;

import io.smnode.core.types.Bytes;

/** The exact byte strings that get signed, shared by signer and verifier so the two cannot drift apart. */
final class SignedBytes {
    private SignedBytes() {}

    /** prefix || domain byte || message. */
    static byte[] withDomain(Bytes prefix, Domain domain, byte[] message) {
        byte[] out = new byte[prefix.length() + 1 + message.length];
        prefix.copyTo(out, 0);
        out[prefix.length()] = (byte) domain.value();
        System.arraycopy(message, 0, out, prefix.length() + 1, message.length);
        return out;
    }

    /** prefix || transaction bytes: transactions carry no domain byte. */
    static byte[] transaction(Bytes prefix, byte[] txWithoutSignature) {
        byte[] out = new byte[prefix.length() + txWithoutSignature.length];
        prefix.copyTo(out, 0);
        System.arraycopy(txWithoutSignature, 0, out, prefix.length(), txWithoutSignature.length);
        return out;
    }
}
