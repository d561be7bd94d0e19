package io.smnode.activation.malfeasance;

import io.smnode.core.types.NodeId;

/** A proof this node made against {@code accused}, to be published ({@link MalfeasancePublisher}). */
public record Detected(NodeId accused, AtxMalfeasanceProof proof) {}
