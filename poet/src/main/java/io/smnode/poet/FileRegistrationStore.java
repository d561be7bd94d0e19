package io.smnode.poet;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * A {@link RegistrationStore} in one append-only file: each write appends a record
 * {@code LE4(length) || body || LE4(CRC32C(body))} and forces it to disk before returning. Opening replays the
 * file into an in-memory index; a torn or corrupt tail (a crash mid-append) ends the replay and is cut off, so
 * every acknowledged write survives and a half-written one vanishes. I/O failures surface as
 * {@link UncheckedIOException}: the service cannot acknowledge a registration it could not persist.
 */
public final class FileRegistrationStore implements RegistrationStore {
    private static final int REGISTRATION = 1;
    private static final int PROOF = 2;

    private record Registration(long round, Bytes nodeId, Bytes challenge) {}

    private static final ScaleCodec<Registration> REGISTRATION_CODEC = ScaleCodec.of(
            (w, r) -> {
                w.field("Round", ScaleCodecs.COMPACT_U64, r.round());
                w.field("NodeId", ScaleCodecs.BYTES, r.nodeId());
                w.field("Challenge", ScaleCodecs.BYTES, r.challenge());
            },
            r -> new Registration(r.field("Round", ScaleCodecs.COMPACT_U64), r.field("NodeId", ScaleCodecs.BYTES),
                    r.field("Challenge", ScaleCodecs.BYTES)));

    private final FileChannel channel;
    private final MemoryRegistrationStore index = new MemoryRegistrationStore();

    public FileRegistrationStore(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long valid = replay();
            channel.truncate(valid);
            channel.position(valid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads every intact record; returns the length of the intact prefix. */
    private long replay() throws IOException {
        long size = channel.size();
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
        while (all.hasRemaining() && channel.read(all, all.position()) >= 0) {
            continue; // a positional read may return short; loop until the buffer is full
        }
        byte[] bytes = all.array();
        int pos = 0;
        while (pos + 4 <= bytes.length) {
            int length = littleEndian(bytes, pos);
            if (length < 1 || (long) pos + 8 + length > bytes.length) {
                break;
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, pos + 4, length);
            if ((int) crc.getValue() != littleEndian(bytes, pos + 4 + length)) {
                break;
            }
            byte[] body = Arrays.copyOfRange(bytes, pos + 4, pos + 4 + length);
            try {
                apply(body);
            } catch (ScaleException e) {
                break;
            }
            pos += 8 + length;
        }
        return pos;
    }

    private void apply(byte[] body) throws ScaleException {
        byte[] payload = Arrays.copyOfRange(body, 1, body.length);
        switch (body[0]) {
            case REGISTRATION -> {
                Registration r = Scale.decode(REGISTRATION_CODEC, payload);
                index.saveRegistration(r.round(), r.nodeId(), r.challenge());
            }
            case PROOF -> index.saveProof(Scale.decode(RoundProof.CODEC, payload));
            default -> throw new ScaleException(ScaleException.Reason.INVALID_VALUE, "", 0, "unknown record type");
        }
    }

    private static int littleEndian(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private void append(int type, byte[] payload) {
        ByteBuffer rec = ByteBuffer.allocate(9 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        rec.putInt(1 + payload.length);
        rec.put((byte) type);
        rec.put(payload);
        CRC32C crc = new CRC32C();
        crc.update(rec.array(), 4, 1 + payload.length);
        rec.putInt((int) crc.getValue());
        rec.flip();
        try {
            while (rec.hasRemaining()) {
                channel.write(rec);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void saveRegistration(long round, Bytes nodeId, Bytes challenge) {
        append(REGISTRATION, Scale.encode(REGISTRATION_CODEC, new Registration(round, nodeId, challenge)));
        index.saveRegistration(round, nodeId, challenge);
    }

    @Override
    public NavigableMap<Bytes, Bytes> registrations(long round) {
        return index.registrations(round);
    }

    @Override
    public Optional<Bytes> registration(long round, Bytes nodeId) {
        return index.registration(round, nodeId);
    }

    @Override
    public long memberCount(long round) {
        return index.memberCount(round);
    }

    @Override
    public OptionalLong lowestRound() {
        return index.lowestRound();
    }

    @Override
    public void saveProof(RoundProof proof) {
        append(PROOF, Scale.encode(RoundProof.CODEC, proof));
        index.saveProof(proof);
    }

    @Override
    public Optional<RoundProof> proof(long round) {
        return index.proof(round);
    }

    @Override
    public Optional<RoundProof> latestProof() {
        return index.latestProof();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
