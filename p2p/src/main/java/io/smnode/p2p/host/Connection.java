package io.smnode.p2p.host;

import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.stream.stage.AsyncCallback;

/**
 * A handle on one upgraded connection, usable from any thread: work is queued onto the connection's own thread
 * (its stream stage), where the streams live.
 */
public final class Connection {
    private final ConnectionStage.Logic logic;
    private final AsyncCallback<Runnable> callback;
    private final boolean outbound;
    private final Multiaddr remoteAddress;
    /** A dial's result: the peer once upgraded and identified; null on accepted connections. */
    final CompletableFuture<PeerId> dialResult;

    Connection(ConnectionStage.Logic logic, AsyncCallback<Runnable> callback, boolean outbound, Multiaddr remoteAddress,
               CompletableFuture<PeerId> dialResult) {
        this.logic = logic;
        this.callback = callback;
        this.outbound = outbound;
        this.remoteAddress = remoteAddress;
        this.dialResult = dialResult;
    }

    public PeerId remotePeer() {
        return logic.remotePeer();
    }

    public boolean outbound() {
        return outbound;
    }

    public Multiaddr remoteAddress() {
        return remoteAddress;
    }

    /** Runs on the connection's thread (dropped once the connection is closed). */
    public void execute(Runnable work) {
        callback.invoke(work);
    }

    /** Opens a stream proposing {@code protocols}; the handler learns the outcome (open or reset). */
    public void openStream(List<String> protocols, StreamHandler handler) {
        execute(() -> logic.openStream(protocols, handler));
    }

    public void close(String reason) {
        execute(() -> logic.close(reason));
    }

    /** Streams currently open (for tests and metrics; read on any thread, so approximate). */
    public int openStreams() {
        return logic.openStreamCount();
    }
}
