package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** A {@link RegistrationStore} in RAM (tests, throwaway devnets); also the index the file store rebuilds. */
public final class MemoryRegistrationStore implements RegistrationStore {
    private final TreeMap<Long, TreeMap<Bytes, Bytes>> registrations = new TreeMap<>();
    private final TreeMap<Long, RoundProof> proofs = new TreeMap<>();

    @Override
    public void saveRegistration(long round, Bytes nodeId, Bytes challenge) {
        registrations.computeIfAbsent(round, r -> new TreeMap<>()).put(nodeId, challenge);
    }

    @Override
    public NavigableMap<Bytes, Bytes> registrations(long round) {
        TreeMap<Bytes, Bytes> m = registrations.get(round);
        return m == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(new TreeMap<>(m));
    }

    @Override
    public Optional<Bytes> registration(long round, Bytes nodeId) {
        TreeMap<Bytes, Bytes> m = registrations.get(round);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(nodeId));
    }

    @Override
    public long memberCount(long round) {
        TreeMap<Bytes, Bytes> m = registrations.get(round);
        return m == null ? 0 : m.size();
    }

    @Override
    public OptionalLong lowestRound() {
        Long a = registrations.isEmpty() ? null : registrations.firstKey();
        Long b = proofs.isEmpty() ? null : proofs.firstKey();
        if (a == null && b == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(a == null ? b : b == null ? a : Math.min(a, b));
    }

    @Override
    public void saveProof(RoundProof proof) {
        proofs.put(proof.round(), proof);
    }

    @Override
    public Optional<RoundProof> proof(long round) {
        return Optional.ofNullable(proofs.get(round));
    }

    @Override
    public Optional<RoundProof> latestProof() {
        return proofs.isEmpty() ? Optional.empty() : Optional.of(proofs.lastEntry().getValue());
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
