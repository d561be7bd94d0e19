package io.smnode.p2p.host;

import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.PeerInfo;
import io.smnode.p2p.PeerListener;
import io.smnode.p2p.RequestHandler;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.identify.IdentifyMessage;
import io.smnode.p2p.identity.HostKey;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.p2p.identity.PeerId;
import io.smnode.p2p.ingest.IngestionGraph;
import io.smnode.p2p.metrics.P2pMetrics;
import io.smnode.p2p.pubsub.GossipRouter;
import io.smnode.p2p.pubsub.Rpc;
import io.smnode.p2p.pubsub.RpcCodec;
import io.smnode.p2p.reqresp.ServerLimits;
import io.smnode.p2p.reqresp.TokenBucket;
import io.smnode.p2p.wire.Frames;
import io.smnode.p2p.yamux.YamuxSession;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.io.Inet;
import org.apache.pekko.io.TcpSO;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SystemMaterializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.Tcp;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContextExecutor;

/**
 * The {@link P2pHost} on Pekko Streams TCP. Each connection is a {@link ConnectionStage}; the host's own state (the
 * gossipsub router, peers, identify results, meshsub streams) lives in a {@link SerialExecutor}, so the pure router
 * runs single-threaded; connections and the ingestion graphs talk to it by posting tasks.
 */
public final class Libp2pHost implements P2pHost, ConnectionContext {
    private static final Logger LOG = LoggerFactory.getLogger(Libp2pHost.class);
    static final List<String> MESHSUB = List.of("/meshsub/1.1.0", "/meshsub/1.0.0");
    private static final String PROTOCOL_VERSION = "ipfs/0.1.0";
    private static final long HEARTBEAT_MS = 1000;

    private final HostConfig cfg;
    private final ActorSystem system;
    private final Materializer mat;
    private final ExecutionContextExecutor dispatcher;
    private final Executor cpu;
    private final SerialExecutor host;
    private final SecureRandom secureRandom = new SecureRandom();
    private final ConnectionGater gater;
    private final P2pMetrics metrics;
    private final Map<String, Supplier<StreamHandler>> handlers = new ConcurrentHashMap<>();
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Cancellable> timers = new ArrayList<>();
    private volatile List<Multiaddr> listenAddrs = List.of();
    private final List<Tcp.ServerBinding> bindings = new CopyOnWriteArrayList<>();
    // Confined to `host`, except the concurrent maps read by peers()/peerInfo()/request().
    private final Map<PeerId, Connection> connections = new ConcurrentHashMap<>();
    private final Map<PeerId, PeerInfo> infos = new ConcurrentHashMap<>();
    private final Map<PeerId, MuxedStream> rpcOut = new ConcurrentHashMap<>();
    private final Map<String, IngestionGraph> ingestions = new ConcurrentHashMap<>();
    private final GossipRouter router;
    /** The global bandwidth limits' buckets, shared by every connection (null: unlimited). */
    private final TokenBucket globalIn;
    private final TokenBucket globalOut;
    private volatile boolean closed;

    private Libp2pHost(HostConfig cfg, ClassicActorSystemProvider systemProvider) {
        this.cfg = cfg;
        this.system = systemProvider.classicSystem();
        this.mat = SystemMaterializer.get(system).materializer();
        this.dispatcher = system.dispatcher();
        this.cpu = system.dispatchers().hasDispatcher(CPU_DISPATCHER) ? system.dispatchers().lookup(CPU_DISPATCHER) : dispatcher;
        this.host = new SerialExecutor(dispatcher);
        this.gater = new ConnectionGater(cfg.maxPeers(), cfg.privateNetwork());
        this.metrics = P2pMetrics.of(cfg.registry());
        this.router = new GossipRouter(cfg.gossip(), new Random(secureRandom.nextLong()), new RouterActions());
        BandwidthLimits bw = cfg.bandwidth();
        this.globalIn = bw.globalIn() > 0 ? BandwidthShaper.bucket(bw.globalIn(), monotonicMillis()) : null;
        this.globalOut = bw.globalOut() > 0 ? BandwidthShaper.bucket(bw.globalOut(), monotonicMillis()) : null;
        metrics.bandwidthLimit("global", true, bw.globalIn());
        metrics.bandwidthLimit("global", false, bw.globalOut());
        metrics.bandwidthLimit("peer", true, bw.peerIn());
        metrics.bandwidthLimit("peer", false, bw.peerOut());
        handlers.put(IdentifyMessage.PROTOCOL_ID, this::identifyResponder);
        handlers.put(IdentifyMessage.PUSH_PROTOCOL_ID, () -> null);
        handlers.put(PingHandlers.PROTOCOL_ID, PingHandlers::responder);
        for (String m : MESHSUB) {
            handlers.put(m, this::rpcReader);
        }
        // The push handler needs the stream's peer, so it is built per stream in inboundHandler.
    }

    /** The dispatcher pre-checks run on when the actor system defines it (else the default dispatcher). */
    public static final String CPU_DISPATCHER = "smnode-p2p-cpu-dispatcher";

    /** Starts a host: binds its listen addresses and schedules the gossipsub heartbeat and the bootnode dialer. */
    public static CompletionStage<Libp2pHost> start(HostConfig cfg, ClassicActorSystemProvider system) {
        Libp2pHost h = new Libp2pHost(cfg, system);
        return h.bindAll().thenApply(v -> {
            h.startTimers();
            return h;
        });
    }

    public P2pMetrics metrics() {
        return metrics;
    }

    // ---- listening and dialing ----

    private CompletionStage<Void> bindAll() {
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        List<Multiaddr> bound = new CopyOnWriteArrayList<>();
        for (Multiaddr addr : cfg.listen()) {
            CompletionStage<Tcp.ServerBinding> b = Tcp.get(system)
                    .bind(addr.host(), addr.port(), 100, socketOptions(), false, Optional.empty())
                    .to(Sink.foreach(this::accept))
                    .run(mat);
            all = all.thenCompose(v -> b.thenAccept(binding -> {
                bindings.add(binding);
                bound.add(addr.withPort(binding.localAddress().getPort()));
            }));
        }
        return all.thenRun(() -> listenAddrs = List.copyOf(bound));
    }

    /**
     * Pekko's defaults, and with an inbound limit a socket receive buffer of half a second's worth (8 KiB to 4 MiB):
     * a read then takes at most about that much, and while a connection waits to read, its sender's TCP window
     * closes instead of the kernel taking in megabytes (loopback's autotuned buffer) that one read would bring.
     */
    private List<Inet.SocketOption> socketOptions() {
        BandwidthLimits bw = cfg.bandwidth();
        long slowest = Long.MAX_VALUE;
        for (long rate : new long[] {bw.peerIn(), bw.globalIn()}) {
            if (rate > 0) {
                slowest = Math.min(slowest, rate);
            }
        }
        if (slowest == Long.MAX_VALUE) {
            return List.of();
        }
        return List.of(TcpSO.receiveBufferSize((int) Math.max(8 << 10, Math.min(4 << 20, slowest / 2))));
    }

    /** Never throws: an exception here would end the listener's stream, and with it every future accept. */
    private void accept(Tcp.IncomingConnection in) {
        try {
            if (closed || !gater.allowInbound(connections.size())) {
                in.handleWith(Flow.fromSinkAndSource(Sink.cancelled(), Source.empty()), mat);
                return;
            }
            InetSocketAddress r = in.remoteAddress();
            Multiaddr remote = r.getAddress() instanceof java.net.Inet6Address
                    ? new Multiaddr("ip6", r.getAddress().getHostAddress().replaceAll("%.*$", ""), r.getPort(), Optional.empty())
                    : Multiaddr.tcp(r.getAddress().getHostAddress(), r.getPort());
            in.handleWith(Flow.fromGraph(new ConnectionStage(this, false, Optional.empty(), remote, null)), mat);
        } catch (RuntimeException e) {
            LOG.warn("refused a connection from {}: {}", in.remoteAddress(), e.toString());
            try {
                in.handleWith(Flow.fromSinkAndSource(Sink.cancelled(), Source.empty()), mat);
            } catch (RuntimeException ignored) {
                // nothing more to do for it
            }
        }
    }

    @Override
    public CompletionStage<PeerId> connect(Multiaddr address) {
        CompletableFuture<PeerId> result = new CompletableFuture<>();
        String refused = gater.refuseDial(address);
        if (closed) {
            refused = "the host is closed";
        } else if (refused == null && !gater.allowOutbound(connections.size())) {
            refused = "too many peers";
        }
        if (refused != null) {
            result.completeExceptionally(new IllegalStateException(refused));
            return result;
        }
        Flow<ByteString, ByteString, CompletionStage<Tcp.OutgoingConnection>> tcp = Tcp.get(system).outgoingConnection(
                new InetSocketAddress(address.host(), address.port()), Optional.empty(), socketOptions(),
                true, Optional.empty(), Optional.empty());
        CompletionStage<Tcp.OutgoingConnection> socket = tcp
                .joinMat(Flow.fromGraph(new ConnectionStage(this, true, address.peer(), address.withoutPeer(), result)), Keep.left())
                .run(mat);
        socket.whenComplete((c, err) -> {
            if (err != null) {
                result.completeExceptionally(new IllegalStateException("cannot connect to " + address + ": " + err.getMessage()));
            }
        });
        return result;
    }

    @Override
    public void disconnect(PeerId peer) {
        Connection c = connections.get(peer);
        if (c != null) {
            c.close("disconnected locally");
        }
    }

    // ---- ConnectionContext (called on connection threads) ----

    @Override
    public HostKey key() {
        return cfg.key();
    }

    @Override
    public byte[] prologue() {
        return cfg.prologue();
    }

    @Override
    public byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        secureRandom.nextBytes(b);
        return b;
    }

    @Override
    public YamuxSession.Limits yamuxLimits() {
        return cfg.yamux();
    }

    @Override
    public Duration handshakeTimeout() {
        return cfg.handshakeTimeout();
    }

    @Override
    public Duration writeStall() {
        return cfg.writeStall();
    }

    @Override
    public Optional<StreamHandler> inboundHandler(String protocol) {
        if (protocol.equals(IdentifyMessage.PUSH_PROTOCOL_ID)) {
            return Optional.of(new PushReader());
        }
        Supplier<StreamHandler> s = handlers.get(protocol);
        return s == null ? Optional.empty() : Optional.ofNullable(s.get());
    }

    @Override
    public void established(Connection conn) {
        host.execute(() -> onEstablished(conn));
    }

    @Override
    public void closed(Connection conn, String reason) {
        host.execute(() -> onClosed(conn, reason));
    }

    @Override
    public void countWire(boolean in, long bytes) {
        metrics.wire(in, bytes);
    }

    @Override
    public void countProtocol(String protocol, boolean in, long bytes) {
        metrics.protocol(protocol, in, bytes);
    }

    @Override
    public BandwidthShaper shaper(boolean in) {
        BandwidthLimits bw = cfg.bandwidth();
        return in ? BandwidthShaper.of(bw.peerIn(), globalIn, bw.globalIn(), monotonicMillis())
                : BandwidthShaper.of(bw.peerOut(), globalOut, bw.globalOut(), monotonicMillis());
    }

    @Override
    public void throttled(boolean in, long millis) {
        metrics.throttled(in, millis);
    }

    /** The clock of the bandwidth buckets (monotonic; connections read the same). */
    static long monotonicMillis() {
        return System.nanoTime() / 1_000_000;
    }

    // ---- connection lifecycle (on the host executor) ----

    private void onEstablished(Connection conn) {
        PeerId peer = conn.remotePeer();
        if (closed || connections.containsKey(peer)) {
            conn.close(closed ? "host closed" : "duplicate connection");
            if (conn.dialResult != null) {
                conn.dialResult.complete(peer);
            }
            return;
        }
        connections.put(peer, conn);
        metrics.peers(connections.size());
        LOG.debug("connected to {} at {} ({})", peer, conn.remoteAddress(), conn.outbound() ? "outbound" : "inbound");
        listeners.forEach(l -> l.connected(peer, conn.remoteAddress(), conn.outbound()));
        conn.openStream(List.of(IdentifyMessage.PROTOCOL_ID),
                new IdentifyReader((msg, err) -> host.execute(() -> onIdentified(conn, msg, err))));
        if (conn.dialResult != null) {
            // A peer that never finishes identify still gives a usable connection.
            schedule(cfg.handshakeTimeout(), () -> host.execute(() -> conn.dialResult.complete(peer)));
        }
    }

    private void onIdentified(Connection conn, IdentifyMessage msg, String error) {
        PeerId peer = conn.remotePeer();
        if (connections.get(peer) != conn) {
            return;
        }
        boolean meshsub = true;
        if (msg != null) {
            PeerInfo info = new PeerInfo(peer, msg.agentVersion(), msg.protocolVersion(), msg.protocols(),
                    msg.listenAddrs(), msg.observedAddr());
            infos.put(peer, info);
            listeners.forEach(l -> l.identified(info));
            meshsub = msg.protocols().stream().anyMatch(MESHSUB::contains);
        } else {
            LOG.debug("identify of {} failed: {}", peer, error);
        }
        if (conn.dialResult != null) {
            conn.dialResult.complete(peer);
        }
        if (meshsub) {
            openMeshsub(conn);
        }
    }

    private void onClosed(Connection conn, String reason) {
        if (conn.dialResult != null && !conn.dialResult.isDone()) {
            conn.dialResult.completeExceptionally(new IllegalStateException("connection failed: " + reason));
        }
        PeerId peer = conn.remotePeer();
        if (peer == null || connections.get(peer) != conn) {
            return;
        }
        connections.remove(peer);
        infos.remove(peer);
        rpcOut.remove(peer);
        router.removePeer(peer, now());
        metrics.peers(connections.size());
        LOG.debug("disconnected from {}: {}", peer, reason);
        listeners.forEach(l -> l.disconnected(peer, reason));
    }

    private void openMeshsub(Connection conn) {
        PeerId peer = conn.remotePeer();
        if (rpcOut.containsKey(peer)) {
            return;
        }
        conn.openStream(MESHSUB, new StreamHandler() {
            @Override
            public void onOpen(MuxedStream stream) {
                host.execute(() -> {
                    if (connections.get(peer) == conn && !rpcOut.containsKey(peer)) {
                        rpcOut.put(peer, stream);
                        router.addPeer(peer, conn.outbound());
                    } else {
                        conn.execute(stream::close);
                    }
                });
            }

            @Override
            public void onData(MuxedStream stream, byte[] data) {
                stream.consumed(data.length);
            }

            @Override
            public void onReset(MuxedStream stream, String reason) {
                host.execute(() -> {
                    if (rpcOut.get(peer) == stream) {
                        rpcOut.remove(peer);
                        router.removePeer(peer, now());
                    }
                });
            }
        });
    }

    // ---- built-in stream handlers ----

    private StreamHandler identifyResponder() {
        return new StreamHandler() {
            @Override
            public void onOpen(MuxedStream stream) {
                stream.write(Frames.lengthPrefixed(identifyMessage(stream.connection()).encode()));
                stream.close();
            }

            @Override
            public void onData(MuxedStream stream, byte[] data) {
                stream.consumed(data.length);
            }
        };
    }

    IdentifyMessage identifyMessage(Connection conn) {
        List<Multiaddr> addrs = new ArrayList<>();
        for (Multiaddr a : listenAddrs) {
            addrs.add(a.host().equals("0.0.0.0") ? new Multiaddr("ip4", "127.0.0.1", a.port(), Optional.empty()) : a);
        }
        return new IdentifyMessage(PROTOCOL_VERSION, cfg.agentVersion(), cfg.key().publicKeyProtobuf(), addrs,
                Optional.ofNullable(conn.remoteAddress()), new ArrayList<>(new TreeSet<>(handlers.keySet())));
    }

    /** An identify push from the peer: refreshes what we know of it. */
    private final class PushReader implements StreamHandler {
        private final IdentifyReader reader = new IdentifyReader((msg, err) -> { });
        private IdentifyReader bound;

        @Override
        public void onOpen(MuxedStream stream) {
            Connection conn = stream.connection();
            bound = new IdentifyReader((msg, err) -> {
                if (msg != null) {
                    host.execute(() -> onIdentified(conn, msg, null));
                }
            });
        }

        @Override
        public void onData(MuxedStream stream, byte[] data) {
            (bound != null ? bound : reader).onData(stream, data);
        }

        @Override
        public void onRemoteClose(MuxedStream stream) {
            (bound != null ? bound : reader).onRemoteClose(stream);
        }
    }

    private StreamHandler rpcReader() {
        return new RpcReader((stream, rpc, done) -> {
            Connection conn = stream.connection();
            PeerId from = stream.peer();
            host.execute(() -> {
                Runnable next = done;
                try {
                    if (connections.get(from) == conn) {
                        if (!rpcOut.containsKey(from)) {
                            openMeshsub(conn);
                        }
                        router.onRpc(from, rpc, now());
                        // The peer's next RPCs wait until every topic it just fed has room again.
                        for (String topic : rpc.publish().stream().map(Rpc.Message::topic).distinct().toList()) {
                            IngestionGraph graph = ingestions.get(topic);
                            if (graph != null) {
                                Runnable after = next;
                                next = () -> graph.whenRoom(after);
                            }
                        }
                    }
                } finally {
                    next.run();
                }
            });
        }, (stream, why) -> stream.connection().close("malformed RPC: " + why));
    }

    // ---- gossip ----

    private final class RouterActions implements GossipRouter.Actions {
        @Override
        public void send(PeerId to, Rpc rpc) {
            MuxedStream stream = rpcOut.get(to);
            if (stream == null) {
                return;
            }
            for (Rpc.Message m : rpc.publish()) {
                metrics.gossip(m.topic(), false, m.data().length());
            }
            byte[] frame = Frames.lengthPrefixed(RpcCodec.encode(rpc));
            stream.connection().execute(() -> {
                if (!stream.write(frame)) {
                    metrics.droppedRpc();
                }
            });
        }

        @Override
        public void validate(PeerId from, Bytes msgId, Rpc.Message msg) {
            metrics.gossip(msg.topic(), true, msg.data().length());
            IngestionGraph graph = ingestions.get(msg.topic());
            if (graph == null || !graph.offer(new IngestionGraph.Item(msg.topic(), from, msgId, msg.data()))) {
                Verdict v = Verdict.ignore(graph == null ? CommonRule.NOT_NOW : CommonRule.QUEUE_FULL,
                        graph == null ? "topic not joined" : "ingestion queue full");
                host.execute(() -> router.onVerdict(msgId, v, now()));
            }
        }

        @Override
        public void disconnect(PeerId peer, String reason) {
            Connection c = connections.get(peer);
            if (c != null) {
                c.close(reason);
            }
        }

        @Override
        public void decided(PeerId from, String topic, Bytes msgId, Verdict verdict) {
            metrics.verdict(topic, verdict);
            if (verdict.rejected()) {
                LOG.info("gossip from {} on {} rejected: {}", from, topic, verdict);
            }
        }
    }

    @Override
    public void join(String topic, TopicIngestion ingestion) {
        host.execute(() -> {
            IngestionGraph old = ingestions.put(topic, new IngestionGraph(ingestion, mat, cpu,
                    (item, verdict) -> host.execute(() -> router.onVerdict(item.msgId(), verdict, now()))));
            if (old != null) {
                old.close();
            }
            router.join(topic, now());
        });
    }

    @Override
    public void leave(String topic) {
        host.execute(() -> {
            router.leave(topic, now());
            IngestionGraph old = ingestions.remove(topic);
            if (old != null) {
                old.close();
            }
        });
    }

    @Override
    public CompletionStage<Bytes> publish(String topic, Bytes data) {
        CompletableFuture<Bytes> result = new CompletableFuture<>();
        host.execute(() -> {
            Optional<Bytes> id = router.publish(topic, data, now());
            if (id.isPresent()) {
                result.complete(id.get());
            } else {
                result.completeExceptionally(new IllegalStateException("duplicate message"));
            }
        });
        return result;
    }

    /** Gossip peers of a topic's mesh (for tests and diagnostics). */
    public CompletionStage<Set<PeerId>> meshPeers(String topic) {
        CompletableFuture<Set<PeerId>> r = new CompletableFuture<>();
        host.execute(() -> r.complete(Set.copyOf(router.meshPeers(topic))));
        return r;
    }

    public CompletionStage<Double> score(PeerId peer) {
        CompletableFuture<Double> r = new CompletableFuture<>();
        host.execute(() -> r.complete(router.score(peer, now())));
        return r;
    }

    // ---- request/response ----

    @Override
    public CompletionStage<Bytes> request(PeerId peer, List<String> protocols, Bytes request) {
        CompletableFuture<Bytes> result = new CompletableFuture<>();
        Connection conn = connections.get(peer);
        if (conn == null) {
            result.completeExceptionally(new IllegalStateException("not connected to " + peer));
            return result;
        }
        if (request.length() > ServerLimits.MAX_REQUEST) {
            result.completeExceptionally(new IllegalArgumentException("request of " + request.length()
                    + " bytes exceeds " + ServerLimits.MAX_REQUEST));
            return result;
        }
        RequestClientHandler handler = new RequestClientHandler(request, cfg.maxResponseBytes(), result);
        conn.openStream(protocols, handler);
        schedule(ServerLimits.HARD, () -> conn.execute(() -> handler.timeout("hard timeout")));
        watchIdle(conn, handler);
        return result;
    }

    private void watchIdle(Connection conn, RequestClientHandler handler) {
        schedule(ServerLimits.IDLE, () -> conn.execute(() -> {
            if (!handler.checkIdle(ServerLimits.IDLE.toNanos())) {
                watchIdle(conn, handler);
            }
        }));
    }

    @Override
    public void serve(String protocol, RequestHandler handler) {
        RequestServerHandler.Admission admission = new RequestServerHandler.Admission(protocol, handler,
                ServerLimits.forProtocol(protocol));
        handlers.put(protocol, () -> new RequestServerHandler(admission, this::schedule, (c, why) -> c.close(why)));
    }

    @Override
    public CompletionStage<Duration> ping(PeerId peer) {
        CompletableFuture<Duration> rtt = new CompletableFuture<>();
        Connection conn = connections.get(peer);
        if (conn == null) {
            rtt.completeExceptionally(new IllegalStateException("not connected to " + peer));
            return rtt;
        }
        conn.openStream(List.of(PingHandlers.PROTOCOL_ID), PingHandlers.client(randomBytes(PingHandlers.SIZE), rtt));
        return rtt;
    }

    // ---- queries ----

    @Override
    public PeerId peerId() {
        return cfg.key().peerId();
    }

    @Override
    public List<Multiaddr> listenAddrs() {
        return listenAddrs;
    }

    @Override
    public Set<PeerId> peers() {
        return Set.copyOf(connections.keySet());
    }

    @Override
    public Optional<PeerInfo> peerInfo(PeerId peer) {
        return Optional.ofNullable(infos.get(peer));
    }

    /** The connection to a peer (tests look at its streams). */
    public Optional<Connection> connection(PeerId peer) {
        return Optional.ofNullable(connections.get(peer));
    }

    @Override
    public void addListener(PeerListener listener) {
        listeners.add(listener);
    }

    // ---- timers and shutdown ----

    private void startTimers() {
        timers.add(system.scheduler().scheduleWithFixedDelay(Duration.ofMillis(100), Duration.ofMillis(HEARTBEAT_MS),
                () -> host.execute(() -> {
                    router.heartbeat(now());
                    ingestions.forEach((topic, g) -> metrics.queueDepth(topic, g.depth()));
                }), dispatcher));
        if (!cfg.bootnodes().isEmpty()) {
            timers.add(system.scheduler().scheduleWithFixedDelay(Duration.ZERO, Duration.ofSeconds(10),
                    this::dialBootnodes, dispatcher));
        }
    }

    private void dialBootnodes() {
        if (connections.size() >= cfg.minPeers()) {
            return;
        }
        for (Multiaddr b : cfg.bootnodes()) {
            if (b.peer().isEmpty() || !connections.containsKey(b.peer().get())) {
                connect(b).whenComplete((p, err) -> {
                    if (err != null) {
                        LOG.debug("bootnode {}: {}", b, err.getMessage());
                    }
                });
            }
        }
    }

    private void schedule(Duration delay, Runnable work) {
        system.scheduler().scheduleOnce(delay, work, dispatcher);
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void close() {
        closed = true;
        timers.forEach(Cancellable::cancel);
        bindings.forEach(b -> b.unbind());
        connections.values().forEach(c -> c.close("host shutting down"));
        ingestions.values().forEach(IngestionGraph::close);
    }
}
