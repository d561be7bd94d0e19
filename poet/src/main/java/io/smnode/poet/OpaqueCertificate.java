package io.smnode.poet;

import io.smnode.core.types.Bytes;

/** A certificate as submitted: SCALE bytes of {@link Certificate} and the certifier's ed25519 signature over them. */
public record OpaqueCertificate(Bytes data, Bytes signature) {}
