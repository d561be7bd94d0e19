package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The PoET service's persistence port: registrations per round and finished proofs. A write must be durable when
 * the call returns (the reference answers Submit only after its batch is fsynced), so a restart loses nothing.
 * Implementations need no thread safety: the service is single-threaded.
 */
public interface RegistrationStore extends AutoCloseable {
    void saveRegistration(long round, Bytes nodeId, Bytes challenge);

    /** Registrations of a round, nodeId → challenge, in ascending unsigned byte order of the node id. */
    NavigableMap<Bytes, Bytes> registrations(long round);

    /** The challenge {@code nodeId} registered in {@code round}, if any (a Submit's lookup, without a copy). */
    Optional<Bytes> registration(long round, Bytes nodeId);

    /** Number of members registered in {@code round}. */
    long memberCount(long round);

    /** The lowest round holding a registration or a proof, if any. */
    OptionalLong lowestRound();

    void saveProof(RoundProof proof);

    Optional<RoundProof> proof(long round);

    /** The proof of the highest finished round, if any. */
    Optional<RoundProof> latestProof();

    @Override
    void close();
}
