package io.smnode.p2p.fetch;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.identity.PeerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches objects by hash over {@code hs/1} (spec 07 §3, spec 10 §3.3): hashes asked for are grouped every
 * {@link #tick} into batches of at most {@code batchSize} per peer; the peer is one that sent an object referencing
 * the hash ({@link #announced}, the first one first), else a random connected peer not tried yet. A hash a peer did
 * not answer (absent from its batch, an error, or no answer within the request timeout) is asked again of another
 * peer, up to the retry limit or the hard timeout, then given up. Whoever asked is called once with the bytes; the
 * intake of the object's kind judges them as any received object.
 *
 * <p>Thread-safe: {@link #request} from any thread, {@link #tick} from the host's scheduler; time and randomness are
 * inputs.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    public static final String PROTOCOL = "hs/1";

    /** Who asked for a hash: called with the peer that served it and the bytes. */
    @FunctionalInterface
    public interface Delivery {
        void arrived(PeerId from, Bytes data);
    }

    private static final class Pending {
        final String hint;
        final List<Delivery> waiting = new ArrayList<>();
        final Set<PeerId> tried = new HashSet<>();
        final long since;
        int tries;
        boolean inFlight;

        Pending(String hint, long since) {
            this.hint = hint;
            this.since = since;
        }
    }

    private final P2pHost host;
    private final FetchConfig cfg;
    private final Random random;
    private final Map<Bytes, Pending> pending = new LinkedHashMap<>();
    private final Map<Bytes, LinkedHashSet<PeerId>> announcers;
    private long fetched;
    private long givenUp;

    public Fetcher(P2pHost host, FetchConfig cfg, Random random) {
        this.host = host;
        this.cfg = cfg;
        this.random = random;
        this.announcers = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, LinkedHashSet<PeerId>> eldest) {
                return size() > cfg.announcers();
            }
        };
    }

    /**
     * Asks peers for the object {@code id} (20 or 32 bytes) of database {@code hint}; {@code arrived} gets its bytes
     * once, with the peer that served them (to drop a peer serving garbage). False when there is no peer to ask.
     */
    public synchronized boolean request(String hint, Bytes id, Delivery arrived, long now) {
        if (host.peers().isEmpty()) {
            return false;
        }
        pending.computeIfAbsent(FetchMessages.asHash32(id), h -> new Pending(hint, now)).waiting.add(arrived);
        return true;
    }

    /** {@code peer} sent an object that references {@code id}: it is asked first for it. */
    public synchronized void announced(Bytes id, PeerId peer) {
        announcers.computeIfAbsent(FetchMessages.asHash32(id), h -> new LinkedHashSet<>()).add(peer);
    }

    public synchronized int pending() {
        return pending.size();
    }

    /** Objects delivered and hashes given up since start. */
    public synchronized long[] counts() {
        return new long[] {fetched, givenUp};
    }

    /** Gives up what is too old or tried too often, then sends what waits, batched per peer. */
    public void tick(long now) {
        Map<PeerId, List<FetchMessages.HashRequest>> plan = new HashMap<>();
        synchronized (this) {
            Set<PeerId> peers = host.peers();
            var it = pending.entrySet().iterator();
            while (it.hasNext()) {
                var e = it.next();
                Pending p = e.getValue();
                if (p.inFlight) {
                    continue;
                }
                if (p.tries >= cfg.maxRetries() || now - p.since > cfg.hardTimeout().toMillis()) {
                    LOG.debug("fetch {} {}: given up after {} tries", p.hint, e.getKey().hex(), p.tries);
                    it.remove();
                    givenUp++;
                    continue;
                }
                Optional<PeerId> peer = choose(e.getKey(), p, peers);
                if (peer.isEmpty()) {
                    continue;
                }
                p.inFlight = true;
                p.tries++;
                p.tried.add(peer.get());
                plan.computeIfAbsent(peer.get(), x -> new ArrayList<>()).add(new FetchMessages.HashRequest(p.hint,
                        e.getKey()));
            }
        }
        plan.forEach((peer, requests) -> {
            for (int i = 0; i < requests.size(); i += cfg.batchSize()) {
                send(peer, FetchMessages.batch(requests.subList(i, Math.min(requests.size(), i + cfg.batchSize()))));
            }
        });
    }

    private Optional<PeerId> choose(Bytes hash, Pending p, Set<PeerId> peers) {
        if (peers.isEmpty()) {
            return Optional.empty();
        }
        for (PeerId a : announcers.getOrDefault(hash, new LinkedHashSet<>())) {
            if (peers.contains(a) && !p.tried.contains(a)) {
                return Optional.of(a);
            }
        }
        List<PeerId> fresh = peers.stream().filter(x -> !p.tried.contains(x)).sorted().toList();
        List<PeerId> from = fresh.isEmpty() ? peers.stream().sorted().toList() : fresh;
        return Optional.of(from.get(random.nextInt(from.size())));
    }

    private void send(PeerId peer, FetchMessages.RequestBatch batch) {
        host.request(peer, PROTOCOL, Bytes.wrap(FetchMessages.encode(batch)))
                .toCompletableFuture()
                .orTimeout(cfg.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((data, err) -> answered(peer, batch, data, err));
    }

    private void answered(PeerId peer, FetchMessages.RequestBatch batch, Bytes data, Throwable err) {
        Map<Bytes, Bytes> got = new HashMap<>();
        if (err != null) {
            LOG.debug("fetch from {}: {}", peer, err.toString());
        } else {
            try {
                FetchMessages.ResponseBatch rb = FetchMessages.decodeResponseBatch(data.toByteArray());
                if (!rb.id().equals(batch.id())) {
                    LOG.info("fetch from {}: answer to another batch; ignored", peer);
                } else {
                    rb.responses().forEach(r -> got.put(r.hash(), r.data()));
                }
            } catch (ScaleException e) {
                LOG.info("fetch from {}: malformed answer ({}); disconnecting", peer, e.getMessage());
                host.disconnect(peer);
            }
        }
        List<Runnable> deliveries = new ArrayList<>();
        synchronized (this) {
            for (FetchMessages.HashRequest r : batch.requests()) {
                Pending p = pending.get(r.hash());
                if (p == null) {
                    continue;
                }
                Bytes bytes = got.get(r.hash());
                if (bytes == null) {
                    p.inFlight = false;
                    continue;
                }
                pending.remove(r.hash());
                fetched++;
                p.waiting.forEach(w -> deliveries.add(() -> w.arrived(peer, bytes)));
            }
        }
        deliveries.forEach(Runnable::run);
    }
}
