package io.smnode.mesh.pipeline;

/**
 * The coordinators a hand-over can go to: in a node, one actor each (the intake is the proposal handler's); in
 * {@link LocalPipeline}, the coordinator objects themselves.
 */
public enum Recipient {
    INTAKE, TORTOISE, HARE, BLOCKS, MESH, BUILDER, BEACON, MALFEASANCE
}
