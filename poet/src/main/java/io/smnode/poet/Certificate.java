package io.smnode.poet;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.types.Bytes;
import java.time.Instant;
import java.util.Optional;

/**
 * A certifier's registration certificate (spec 09 §7.1, poet {@code CertOnWire}): the node id it admits and an
 * optional expiry in unix seconds (u64 in a long's bits). Signed by the certifier over its SCALE bytes.
 */
public record Certificate(Bytes pubKey, Optional<Long> expiration) {
    private static final ScaleCodec<Long> UNIX_TIMESTAMP = ScaleCodec.of(
            (w, v) -> w.field("Inner", ScaleCodecs.COMPACT_U64, v),
            r -> r.field("Inner", ScaleCodecs.COMPACT_U64));

    public static final ScaleCodec<Certificate> CODEC = ScaleCodec.of(
            (w, c) -> {
                w.field("Pubkey", ScaleCodecs.bytes(32), c.pubKey());
                w.field("Expiration", ScaleCodecs.option(UNIX_TIMESTAMP), c.expiration());
            },
            r -> new Certificate(r.field("Pubkey", ScaleCodecs.bytes(32)),
                    r.field("Expiration", ScaleCodecs.option(UNIX_TIMESTAMP))));

    /** Decodes as the reference does: from a stream, so bytes after the certificate are ignored, not refused. */
    public static Certificate decode(byte[] data) throws ScaleException {
        return new ScaleReader(data).field("CertOnWire", CODEC);
    }

    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    /**
     * Whether the certificate is unexpired at {@code now} (no expiry = forever). The reference converts the u64 to
     * a signed unix time and refuses when it is strictly before now, so a value of 2^63 or more is already expired.
     */
    public boolean validAt(Instant now) {
        if (expiration.isEmpty()) {
            return true;
        }
        long exp = expiration.get();
        return exp > now.getEpochSecond() || (exp == now.getEpochSecond() && now.getNano() == 0);
    }
}
