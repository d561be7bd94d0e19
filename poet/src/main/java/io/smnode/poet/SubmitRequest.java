package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.time.Instant;
import java.util.Optional;

/**
 * A registration (the gRPC {@code SubmitRequest}, spec 09 §8): {@code signature} is ed25519 by {@code pubkey} over
 * {@code prefix || challenge} (go-spacemesh: prefix = genesis-id signer prefix || 0x04, the POET domain). Either a
 * certificate (with an optional 4-byte key hint) or the deprecated PoW {@code (nonce, powParams)} authorizes it.
 */
public record SubmitRequest(
        Bytes prefix,
        Bytes challenge,
        Bytes pubkey,
        Bytes signature,
        long nonce,
        PowParams powParams,
        Optional<OpaqueCertificate> certificate,
        Optional<Bytes> certificatePubkeyHint,
        Optional<Instant> deadline) {}
