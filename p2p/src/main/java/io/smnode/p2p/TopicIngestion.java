package io.smnode.p2p;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one topic's gossip is taken in, bounded everywhere:
 * {@code queue (full => IGNORE QUEUE_FULL, counted) -> size cap -> dedup -> pre-check (parallel, CPU dispatcher)
 * -> validator (ordered) -> verdict back to gossipsub}.
 *
 * @param maxMessageBytes larger messages are ignored ({@code TOO_LARGE}) before any decoding
 * @param queueSize messages waiting for the graph; beyond it they are ignored ({@code QUEUE_FULL})
 * @param dedupTtl how long a message id stays in the graph's seen-set ({@code DUPLICATE})
 * @param dedupCapacity most ids the seen-set holds (the oldest go first)
 * @param preCheck the optional stateless stage, and its parallelism
 * @param validatorParallelism validations in flight at once (results stay in order)
 */
public record TopicIngestion(int maxMessageBytes, int queueSize, Duration dedupTtl, int dedupCapacity,
                             Optional<PreCheck> preCheck, int preCheckParallelism, GossipValidator validator,
                             int validatorParallelism) {
    public TopicIngestion {
        Objects.requireNonNull(validator, "validator");
        if (maxMessageBytes <= 0 || queueSize <= 0 || dedupCapacity <= 0 || preCheckParallelism <= 0 || validatorParallelism <= 0) {
            throw new IllegalArgumentException("ingestion sizes must be positive");
        }
    }

    /** Defaults: 2 MiB messages, a queue of 4096, 2 min / 1M ids of dedup, no pre-check, 4 validations in flight. */
    public static TopicIngestion of(GossipValidator validator) {
        return new TopicIngestion(2 << 20, 4096, Duration.ofMinutes(2), 1_000_000, Optional.empty(),
                Runtime.getRuntime().availableProcessors(), validator, 4);
    }

    public TopicIngestion withPreCheck(PreCheck check, int parallelism) {
        return new TopicIngestion(maxMessageBytes, queueSize, dedupTtl, dedupCapacity, Optional.of(check), parallelism,
                validator, validatorParallelism);
    }

    public TopicIngestion withQueueSize(int size) {
        return new TopicIngestion(maxMessageBytes, size, dedupTtl, dedupCapacity, preCheck, preCheckParallelism,
                validator, validatorParallelism);
    }

    public TopicIngestion withMaxMessageBytes(int max) {
        return new TopicIngestion(max, queueSize, dedupTtl, dedupCapacity, preCheck, preCheckParallelism,
                validator, validatorParallelism);
    }

    public TopicIngestion withDedup(Duration ttl, int capacity) {
        return new TopicIngestion(maxMessageBytes, queueSize, ttl, capacity, preCheck, preCheckParallelism,
                validator, validatorParallelism);
    }

    public TopicIngestion withValidatorParallelism(int n) {
        return new TopicIngestion(maxMessageBytes, queueSize, dedupTtl, dedupCapacity, preCheck, preCheckParallelism,
                validator, n);
    }
}
