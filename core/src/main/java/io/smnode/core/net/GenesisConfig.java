package io.smnode.core.net;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash20;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What makes a network: its genesis time and extra data. Everything signed on a network is prefixed with the
 * genesis id derived from them, so two networks never accept each other's messages.
 */
public record GenesisConfig(Instant genesisTime, String extraData) {
    /** The reference limits extra data to 255 bytes. */
    public static final int MAX_EXTRA_DATA_BYTES = 255;

    public GenesisConfig {
        Objects.requireNonNull(genesisTime, "genesisTime");
        Objects.requireNonNull(extraData, "extraData");
    }

    /**
     * Checks the reference's rules, with its messages: extra data present and at most 255 bytes (bytes of its
     * UTF-8 form, which the reference measures; the same as characters for ASCII).
     *
     * @throws InvalidGenesisException when a rule is broken
     */
    public void validate() throws InvalidGenesisException {
        if (extraData.isEmpty()) {
            throw new InvalidGenesisException("wait until genesis-extra-data is available");
        }
        if (extraData.getBytes(StandardCharsets.UTF_8).length > MAX_EXTRA_DATA_BYTES) {
            throw new InvalidGenesisException("extra-data is longer than 255 symbols: " + extraData);
        }
    }

    /**
     * BLAKE3 of the genesis time's Unix seconds in decimal ASCII followed by the extra data's bytes. It stands in
     * for "no ATX" as the positioning and commitment ATX of the first ATXs.
     */
    public AtxId goldenAtx() {
        byte[] seconds = Long.toString(genesisTime.getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
        byte[] extra = extraData.getBytes(StandardCharsets.UTF_8);
        return AtxId.of(Blake3.hash(seconds, extra).toByteArray());
    }

    /** The first 20 bytes of the golden ATX id: the signing prefix of every signature on this network. */
    public Hash20 genesisId() {
        return Hash20.of(Arrays.copyOf(goldenAtx().toByteArray(), Hash20.LENGTH));
    }

    /**
     * The beacon a standalone node sets for the first epoch that needs one (epoch 2) instead of running the beacon
     * protocol: the genesis id's first 4 bytes.
     */
    public Bytes standaloneBeacon() {
        return Bytes.wrap(Arrays.copyOf(genesisId().toByteArray(), 4));
    }
}
