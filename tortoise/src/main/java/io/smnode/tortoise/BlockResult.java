package io.smnode.tortoise;

/**
 * The tortoise's view of one block in a {@link LayerUpdate}.
 *
 * @param data block contents are available locally
 * @param hare the hare output of its layer is this block
 * @param valid decided valid; {@code invalid} decided invalid; neither means undecided
 * @param local its counted margin crosses the local threshold in favour
 */
public record BlockResult(BlockHeader header, boolean data, boolean hare, boolean valid, boolean invalid,
        boolean local) {}
