package io.smnode.node.config;

import com.typesafe.config.Config;
import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.AddressException;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.types.Address;
import io.smnode.core.net.NetworkParams;
import io.smnode.p2p.host.BandwidthLimits;
import io.smnode.p2p.identity.Multiaddr;
import io.smnode.post.k2pow.RandomXPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import io.smnode.actors.cluster.NodeRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The node's validated configuration, plus the raw tree handed to Pekko. */
public record NodeConfig(
        String preset, Path dataDir, Network network, Storage storage, Log log, Metrics metrics, Poet poet,
        Smeshing smeshing, Atx atx, NetworkParams params, P2p p2p, Post post, Api api, Cluster cluster, Config raw,
        TestMode test, Consensus consensus) {

    /** Genesis and clock parameters; genesisTime is empty on a devnet until its first start fixes it. */
    public record Network(Optional<Instant> genesisTime, String genesisExtraData, String hrp, Duration layerDuration, int layersPerEpoch) {}

    public record Storage(long mapSizeInitial, long mapSizeMax) {}

    public record Log(String format, String level) {}

    public record Metrics(boolean enabled, String host, int port) {}

    /**
     * Proving runs in the PoET actor's mailbox (PoetService proves inside advance), ~25 µs a leaf: this bounds
     * the pause during which registrations wait to about 2.5 s.
     */
    public static final int MAX_POET_LEAVES = 100_000;

    /** The embedded PoET: whether the node runs one ("auto" resolved against the preset), its leaves and PoW bits. */
    public record Poet(boolean embedded, int leavesPerRound, int powDifficulty) {}

    /**
     * Whether the node builds ATXs ("auto" resolved against the preset: on for standalone only), the label backend
     * (auto, cpu, cuda), the CPU workers of PoST initialization (0: half the cores), the coinbase and the PoET
     * server to register at when the node runs none itself (empty: the preset's first).
     */
    /**
     * @param identities how many identities this node smeshes with: 1, or (devnet presets with ATX v2) a married set
     *                   publishing merged ATXs
     */
    public record Smeshing(boolean enabled, String provider, int cpuWorkers, Optional<Address> coinbase,
                           Optional<java.net.URI> poetServer, int identities) {}

    /**
     * The test mode (devnet presets only): {@code seed} makes the smeshing identity and the wallet keys of a new
     * data dir derive from it, so two runs are the same node; a virtual clock starts at genesis, runs
     * {@code clockSpeed} times real time while the node runs and stands still while it does not (persisted).
     */
    public record TestMode(Optional<String> seed, boolean virtualClock, double clockSpeed) {
        public boolean on() {
            return seed.isPresent() || virtualClock;
        }
    }

    /** ATX validation: workers (0: one per core) and the queue in front of them. */
    public record Atx(int validationWorkers, int validationQueue) {}

    /** Proposal checks: parallel workers (0: one per core) and how many proposals are checked at once. */
    public record Consensus(int checkWorkers, int checkQueue) {}

    /** Where the API listens: each listener an endpoint, or off. */
    public record Api(Optional<Listen> publicListen, Optional<Listen> privateListen, Optional<Listen> postListen,
                      Optional<Listen> jsonListen, Optional<Listen> statusListen) {}

    /** One listener's host and port, with the key that set it (for messages). */
    public record Listen(String key, String host, int port) {}

    /**
     * Clustering: whether this JVM is a cluster member ({@code pekko.actor.provider = cluster}), its roles (every
     * role outside a cluster), the validation pool's timeouts for other members' workers, a post member's data
     * directory and whether Cluster Bootstrap (Pekko Management) finds the seed nodes.
     */
    public record Cluster(boolean enabled, Set<NodeRole> roles, Duration jobTimeout, Duration announceIdle,
                          Path postDataDir, boolean bootstrap) {
        public boolean has(NodeRole role) {
            return roles.contains(role);
        }
    }

    /** The presets whose consensus parameters an operator may change (nobody else runs them). */
    private static final Set<String> DEVNETS = Set.of("standalone", "localnet");
    /** A married set's most members (spec 11 §2.2: 256 posts per NIPoST). */
    private static final int MAX_IDENTITIES = 256;

    /**
     * The libp2p wire: whether the node joins a network at all ("auto" resolved: off only for a standalone node
     * given no bootnodes, whose messages reach its own intakes alone), the listen address, bootnodes, peer bounds,
     * whether private addresses may be dialed (the preset's choice unless set) and the gossip topics' ingestion
     * queue, and the bandwidth limits (all 0, unlimited, unless set).
     */
    public record P2p(boolean enabled, Multiaddr listen, List<Multiaddr> bootnodes, int minPeers, int maxPeers,
                      boolean privateNetwork, BandwidthLimits bandwidth) {}

    /**
     * The least bandwidth limit taken: below it a limited connection would read or write only every several seconds
     * (a socket buffer holds at least 8 KiB), long enough for a peer's write timeout; and a value meant in KiB but
     * written in bytes is caught.
     */
    public static final long MIN_BANDWIDTH = 16 * 1024;

    private static BandwidthLimits bandwidth(TypedReader r) {
        String k = "smnode.p2p.bandwidth.";
        return new BandwidthLimits(r.byteRateOffOrAtLeast(k + "global-in", MIN_BANDWIDTH),
                r.byteRateOffOrAtLeast(k + "global-out", MIN_BANDWIDTH), r.byteRateOffOrAtLeast(k + "peer-in", MIN_BANDWIDTH),
                r.byteRateOffOrAtLeast(k + "peer-out", MIN_BANDWIDTH));
    }

    private static Multiaddr multiaddr(String key, String text) {
        try {
            return Multiaddr.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration key " + key + ": " + e.getMessage() + ".");
        }
    }

    private static P2p p2p(TypedReader r, String preset) {
        Multiaddr listen = multiaddr("smnode.p2p.listen", r.string("smnode.p2p.listen"));
        if (listen.peer().isPresent()) {
            throw new ConfigException("configuration key smnode.p2p.listen must not name a peer (/p2p/...), got '" + listen + "'.");
        }
        List<Multiaddr> boot = new ArrayList<>();
        for (String b : r.stringList("smnode.p2p.bootnodes")) {
            Multiaddr a = multiaddr("smnode.p2p.bootnodes", b);
            if (a.peer().isEmpty()) {
                throw new ConfigException("configuration key smnode.p2p.bootnodes: '" + b + "' must end in /p2p/<peer id>.");
            }
            boot.add(a);
        }
        int min = r.intIn("smnode.p2p.min-peers", 0, 10_000);
        int max = r.intIn("smnode.p2p.max-peers", 1, 10_000);
        if (min > max) {
            throw new ConfigException("configuration key smnode.p2p.min-peers (" + min + ") must not exceed smnode.p2p.max-peers (" + max + ").");
        }
        String enabled = r.oneOf("smnode.p2p.enabled", Set.of("auto", "on", "off"));
        boolean on = enabled.equals("on") || (enabled.equals("auto") && !(preset.equals("standalone") && boot.isEmpty()));
        return new P2p(on, listen, List.copyOf(boot), min, max, r.bool("smnode.p2p.private-network"), bandwidth(r));
    }

    /** PoST verification: how the k2pow checkers use RandomX (resolved against free memory when they start). */
    public record Post(RandomXPolicy randomx) {}

    private static Api api(TypedReader r) {
        Optional<Listen> publicListen = listen(r, "smnode.api.public.listen");
        Optional<Listen> privateListen = listen(r, "smnode.api.private.listen");
        Optional<Listen> postListen = listen(r, "smnode.api.post.listen");
        Optional<Listen> jsonListen = listen(r, "smnode.api.json.listen");
        String status = r.string("smnode.api.status-page.listen").trim();
        Optional<Listen> statusListen = status.equalsIgnoreCase("auto")
                ? publicListen.map(p -> new Listen("smnode.api.status-page.listen", "127.0.0.1",
                        statusPort(p.port(), List.of(privateListen, postListen, jsonListen))))
                : listen(r, "smnode.api.status-page.listen");
        return new Api(publicListen, privateListen, postListen, jsonListen, statusListen);
    }

    /**
     * The status page's automatic port: the first after the public listener's that no other listener takes (with the
     * defaults the private and post listeners hold 9093 and 9094: 9095); 0 when the public one picks a free port.
     */
    private static int statusPort(int publicPort, List<Optional<Listen>> others) {
        if (publicPort == 0) {
            return 0;
        }
        Set<Integer> taken = new java.util.HashSet<>();
        others.forEach(o -> o.ifPresent(l -> taken.add(l.port())));
        int port = publicPort + 1;
        while (taken.contains(port)) {
            port++;
        }
        if (port > 65535) {
            throw new ConfigException("configuration key smnode.api.status-page.listen is auto, but no port is left "
                    + "after the public listener's " + publicPort + ": set it.");
        }
        return port;
    }

    /** "HOST:PORT" (an IPv6 host in brackets), or "off". */
    private static Optional<Listen> listen(TypedReader r, String key) {
        String text = r.string(key).trim();
        if (text.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = -1;
        try {
            port = colon > 0 ? Integer.parseInt(text.substring(colon + 1)) : -1;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (host.isEmpty() || port < 0 || port > 65535) {
            throw new ConfigException("configuration key " + key + " must be HOST:PORT (port 0 to 65535) or off, got '"
                    + text + "'.");
        }
        return Optional.of(new Listen(key, host, port));
    }

    /** Reads and validates every smnode key. @throws ConfigException naming the first bad key */
    public static NodeConfig from(Config config) {
        TypedReader r = new TypedReader(config);
        // The preset layer already refused an unknown name; this only normalises its spelling ("Mainnet" -> "mainnet").
        String preset = io.smnode.core.net.Preset.byName(r.string("smnode.preset")).presetName();
        String dataDirText = r.string("smnode.data-dir").trim();
        Path dataDir = dataDirText.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".smnode", preset)
                : Path.of(dataDirText);
        String extraData = r.string("smnode.network.genesis-extra-data");
        int extraBytes = extraData.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (extraBytes == 0 || extraBytes > GenesisConfig.MAX_EXTRA_DATA_BYTES) {
            throw new ConfigException("configuration key smnode.network.genesis-extra-data must be 1 to "
                    + GenesisConfig.MAX_EXTRA_DATA_BYTES + " bytes, got " + extraBytes + ".");
        }
        String hrp = r.string("smnode.network.hrp");
        if (hrp.isEmpty()) {
            throw new ConfigException("configuration key smnode.network.hrp must not be empty.");
        }
        Network network = new Network(
                r.optionalInstant("smnode.network.genesis-time"),
                extraData,
                hrp,
                r.positiveDuration("smnode.network.layer-duration"),
                r.intIn("smnode.network.layers-per-epoch", 1, 1 << 20));
        long initial = r.bytesAtLeast("smnode.storage.map-size-initial", 1L << 20);
        long max = r.bytesAtLeast("smnode.storage.map-size-max", initial);
        Storage storage = new Storage(initial, max);
        Log log = new Log(
                r.oneOf("smnode.log.format", Set.of("plain", "json")),
                r.oneOf("smnode.log.level", Set.of("trace", "debug", "info", "warn", "error")).toUpperCase(java.util.Locale.ROOT));
        Metrics metrics = new Metrics(r.bool("smnode.metrics.enabled"), r.string("smnode.metrics.host"),
                r.intIn("smnode.metrics.port", 0, 65535));
        String embedded = r.oneOf("smnode.poet.embedded", Set.of("auto", "on", "off"));
        Poet poet = new Poet(embedded.equals("on") || (embedded.equals("auto") && preset.equals("standalone")),
                r.intIn("smnode.poet.leaves-per-round", 150, MAX_POET_LEAVES), r.intIn("smnode.poet.pow-difficulty", 0, 32));
        String smeshing = r.oneOf("smnode.smeshing.enabled", Set.of("auto", "on", "off"));
        Smeshing smesher = new Smeshing(smeshing.equals("on") || (smeshing.equals("auto") && preset.equals("standalone")),
                r.oneOf("smnode.smeshing.post.provider", Set.of("auto", "cpu", "cuda")),
                r.intIn("smnode.smeshing.post.cpu-workers", 0, 1024), coinbase(r, hrp), poetServer(r),
                r.intIn("smnode.smeshing.identities", 1, MAX_IDENTITIES));
        Atx atx = new Atx(r.intIn("smnode.atx.validation-workers", 0, 1024),
                r.intIn("smnode.atx.validation-queue", 1, 1_000_000));
        NetworkParams params = effectiveParams(r, preset);
        checkIdentities(smesher, preset, params);
        Post post = new Post(RandomXPolicy.parse(r.oneOf("smnode.post.randomx", Set.of("auto", "fast", "light"))));
        return new NodeConfig(preset, dataDir, network, storage, log, metrics, poet, smesher, atx,
                params.withTime(new NetworkParams.Time(network.layerDuration(), network.layersPerEpoch())), p2p(r, preset),
                post, api(r), cluster(r, config, dataDir), config, testMode(r, preset),
                new Consensus(r.intIn("smnode.consensus.check-workers", 0, 1024),
                        r.intIn("smnode.consensus.check-queue", 1, 1_000_000)));
    }

    /** An operator's coinbase, a bech32 address of this network; none: the node's own wallet. */
    private static Optional<Address> coinbase(TypedReader r, String hrp) {
        String text = r.string("smnode.smeshing.coinbase").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AddressCodec.decode(text, hrp));
        } catch (AddressException e) {
            throw new ConfigException("configuration key smnode.smeshing.coinbase must be an address of this network ("
                    + hrp + "1...), got '" + text + "': " + e.getMessage() + ".");
        }
    }

    private static Optional<java.net.URI> poetServer(TypedReader r) {
        String text = r.string("smnode.smeshing.poet-server").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(text);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new java.net.URISyntaxException(text, "not an http://HOST:PORT address");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("configuration key smnode.smeshing.poet-server must be an http://HOST:PORT "
                    + "address, got '" + text + "'.");
        }
    }

    /** Several identities marry, which needs ATX v2; devnets only until merged ATXs were seen on a public network. */
    private static void checkIdentities(Smeshing smeshing, String preset, NetworkParams params) {
        if (smeshing.identities() > 1 && !DEVNETS.contains(preset)) {
            throw new ConfigException("configuration key smnode.smeshing.identities can be above 1 on a devnet preset "
                    + "(standalone, localnet) only, not on " + preset + ".");
        }
        if (smeshing.identities() > 1 && params.atx().atxV2FromEpoch().isEmpty()) {
            throw new ConfigException("configuration key smnode.smeshing.identities above 1 marries the identities, "
                    + "which needs ATX v2, and this network never switches to it.");
        }
    }

    private static TestMode testMode(TypedReader r, String preset) {
        String seed = r.string("smnode.test.seed");
        TestMode test = new TestMode(seed.isEmpty() ? Optional.empty() : Optional.of(seed),
                r.bool("smnode.test.virtual-clock"), r.doubleIn("smnode.test.clock-speed", 0.01, 100));
        if (test.on() && !DEVNETS.contains(preset)) {
            throw new ConfigException("configuration key smnode.test." + (test.seed().isPresent() ? "seed"
                    : "virtual-clock") + " can only be set on a devnet preset (standalone, localnet), not on " + preset
                    + ".");
        }
        return test;

    }

    private static Cluster cluster(TypedReader r, Config config, Path dataDir) {
        boolean enabled = config.hasPath("pekko.actor.provider")
                && "cluster".equals(config.getString("pekko.actor.provider").trim());
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        for (String name : r.stringList("smnode.cluster.roles")) {
            roles.add(NodeRole.byName(name).orElseThrow(() -> new ConfigException("configuration key "
                    + "smnode.cluster.roles: unknown role '" + name + "' (roles: consensus, validation, post, "
                    + "gateway).")));
        }
        if (roles.isEmpty()) {
            throw new ConfigException("configuration key smnode.cluster.roles must name at least one role.");
        }
        if (!enabled && !roles.equals(NodeRole.ALL)) {
            throw new ConfigException("configuration key smnode.cluster.roles: a node outside a cluster runs every "
                    + "role; give --cluster-config FILE (see cluster-config/) to run only " + names(roles) + ".");
        }
        if (roles.contains(NodeRole.GATEWAY) && !roles.contains(NodeRole.CONSENSUS)) {
            throw new ConfigException("configuration key smnode.cluster.roles: the gateway role stays with the "
                    + "consensus role for now, got " + names(roles) + ".");
        }
        boolean bootstrap = r.bool("smnode.cluster.bootstrap");
        if (bootstrap && config.hasPath("pekko.cluster.seed-nodes")
                && !config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
            throw new ConfigException("configuration key smnode.cluster.bootstrap is on: pekko.cluster.seed-nodes must "
                    + "be empty (bootstrap finds the contact points).");
        }
        String postDir = r.string("smnode.cluster.post.data-dir").trim();
        return new Cluster(enabled, Set.copyOf(roles), r.positiveDuration("smnode.cluster.validation.job-timeout"),
                r.positiveDuration("smnode.cluster.validation.announce-idle"),
                postDir.isEmpty() ? dataDir.resolve("post-worker") : Path.of(postDir),
                bootstrap);
    }

    private static String names(Set<NodeRole> roles) {
        return roles.stream().sorted().map(NodeRole::roleName).collect(java.util.stream.Collectors.joining(", "));
    }

    /** The preset's parameters with the PoST overrides applied (refused on a public network). */
    private static NetworkParams effectiveParams(TypedReader r, String preset) {
        NetworkParams params = io.smnode.core.net.Preset.byName(preset).params();
        long labels = r.longIn("smnode.network.post.labels-per-unit", 0, 1L << 40);
        int scryptN = r.intIn("smnode.network.post.scrypt-n", 0, 1 << 20);
        if ((labels != 0 || scryptN != 0) && !DEVNETS.contains(preset)) {
            throw new ConfigException("configuration key smnode.network.post." + (labels != 0 ? "labels-per-unit"
                    : "scrypt-n") + " can only be changed on a devnet preset (standalone, localnet), not on " + preset
                    + ".");
        }
        if (scryptN != 0 && Integer.bitCount(scryptN) != 1) {
            throw new ConfigException("configuration key smnode.network.post.scrypt-n must be a power of two, got "
                    + scryptN + ".");
        }
        NetworkParams.Post post = params.post();
        if (labels != 0) {
            post = post.withLabelsPerUnit(labels);
        }
        if (scryptN != 0) {
            post = post.withScryptN(scryptN);
        }
        int units = r.intIn("smnode.smeshing.post.units", 0, Integer.MAX_VALUE);
        if (units != 0 && (units < post.minNumUnits() || units > post.maxNumUnits())) {
            throw new ConfigException("configuration key smnode.smeshing.post.units must be within the network's "
                    + post.minNumUnits() + " to " + post.maxNumUnits() + " units, got " + units + ".");
        }
        NetworkParams.Smeshing smeshing = units == 0 ? params.smeshing() : params.smeshing().withNumUnits(units);
        return params.withPost(post).withSmeshing(smeshing).withPoet(poetSchedule(r, preset, params.poet()));
    }

    /**
     * The PoET schedule, overridable on the devnets: a network with shorter epochs (say 8 layers of 4 s) needs a phase
     * shift and cycle gap to match, or the window between a round's end and the proof deadline shrinks to nothing.
     */
    private static NetworkParams.Poet poetSchedule(TypedReader r, String preset, NetworkParams.Poet poet) {
        Duration phaseShift = r.nonNegativeDuration("smnode.network.poet.phase-shift");
        Duration cycleGap = r.nonNegativeDuration("smnode.network.poet.cycle-gap");
        if (phaseShift.isZero() && cycleGap.isZero()) {
            return poet;
        }
        String key = "smnode.network.poet." + (phaseShift.isZero() ? "cycle-gap" : "phase-shift");
        if (!DEVNETS.contains(preset)) {
            throw new ConfigException("configuration key " + key + " can only be changed on a devnet preset "
                    + "(standalone, localnet), not on " + preset + ".");
        }
        Duration epoch = r.positiveDuration("smnode.network.layer-duration")
                .multipliedBy(r.intIn("smnode.network.layers-per-epoch", 1, 1 << 20));
        Duration ps = phaseShift.isZero() ? poet.phaseShift() : phaseShift;
        Duration cg = cycleGap.isZero() ? poet.cycleGap() : cycleGap;
        if (ps.compareTo(epoch) >= 0 || cg.compareTo(epoch) >= 0) {
            throw new ConfigException("configuration key " + key + " must be shorter than an epoch (" + epoch
                    + "): phase shift " + ps + ", cycle gap " + cg + ".");
        }
        return poet.withSchedule(ps, cg);
    }
}
