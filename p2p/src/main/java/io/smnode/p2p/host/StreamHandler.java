package io.smnode.p2p.host;

/**
 * One side of a negotiated stream, called on its connection's thread. Data handed to {@link #onData} counts against
 * the stream's receive window until the handler calls {@link MuxedStream#consumed}: a handler that holds back credit
 * slows the peer down instead of buffering.
 */
public interface StreamHandler {
    /** The protocol is agreed; the stream is ready. */
    default void onOpen(MuxedStream stream) {}

    void onData(MuxedStream stream, byte[] data);

    /** What was written has all gone out (a writer pacing a large answer writes its next piece). */
    default void onWritable(MuxedStream stream) {}

    /** The peer sent FIN: nothing more will arrive. */
    default void onRemoteClose(MuxedStream stream) {}

    /** The stream is gone: reset by either side, refused, or its connection closed. */
    default void onReset(MuxedStream stream, String reason) {}
}
