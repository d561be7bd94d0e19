package io.smnode.tortoise.trace;

/** Receives one JSON line per tortoise call, in call order. */
@FunctionalInterface
public interface TraceSink {
    void accept(String line);
}
