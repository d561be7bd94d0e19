package io.smnode.activation.marriage;

import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;

/**
 * One identity's recorded marriage: the set it belongs to, the marriage ATX that carried its certificate, the
 * certificate's position there, the ATX's signer it married, and its certificate signature.
 */
public record Marriage(long setId, AtxId marriageAtx, int index, NodeId target, Signature signature) {}
