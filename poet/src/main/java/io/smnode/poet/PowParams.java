package io.smnode.poet;

import io.smnode.core.types.Bytes;

/** The legacy PoW parameters a client must quote exactly (spec 09 §7.2): challenge and difficulty in bits. */
public record PowParams(Bytes challenge, long difficulty) {}
