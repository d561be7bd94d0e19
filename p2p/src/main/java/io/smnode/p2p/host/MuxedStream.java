package io.smnode.p2p.host;

import io.smnode.p2p.identity.PeerId;

/**
 * A yamux stream after protocol negotiation. Its methods must run on the connection's thread: inside a
 * {@link StreamHandler} callback, or through {@link Connection#execute}.
 */
public final class MuxedStream {
    private final ConnectionStage.Logic owner;
    private final int id;
    private final boolean outbound;
    private String protocol;
    StreamHandler handler;

    MuxedStream(ConnectionStage.Logic owner, int id, boolean outbound, StreamHandler handler) {
        this.owner = owner;
        this.id = id;
        this.outbound = outbound;
        this.handler = handler;
    }

    public int id() {
        return id;
    }

    public boolean outbound() {
        return outbound;
    }

    public String protocol() {
        return protocol;
    }

    void protocol(String p) {
        this.protocol = p;
    }

    public PeerId peer() {
        return owner.remotePeer();
    }

    public Connection connection() {
        return owner.connection();
    }

    /** Queues bytes; false (nothing queued) when the stream is closed or its send queue is full. */
    public boolean write(byte[] data) {
        return owner.write(this, data);
    }

    /** Bytes written but not yet sent (waiting for the peer's window). */
    public long queued() {
        return owner.queued(this);
    }

    /** Half-closes after what is queued. */
    public void close() {
        owner.closeStream(this);
    }

    public void reset() {
        owner.resetStream(this, "reset locally");
    }

    /** Gives the peer back {@code n} bytes of window. */
    public void consumed(int n) {
        owner.consumed(this, n);
    }
}
