package io.smnode.mesh.proposal;

import io.smnode.core.types.Bytes;

/** Network parameters ballot validation depends on (from the preset). */
public record BallotParams(Bytes signingPrefix, int layersPerEpoch, int layerAvgSize, int hdist, int maxExceptions) {}
