package io.smnode.activation.builder;

import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * A registration as spec 09 §2.1 has a node send it: {@code prefix = genesisId || 0x04} (the POET domain), the
 * challenge hash, the node id as public key and the signature over {@code prefix || challenge}. How the PoET is
 * authorized (certificate or PoW) is the transport's business.
 */
public record PoetSubmission(Bytes prefix, Hash32 challenge, NodeId pubkey, Signature signature) {}
