package io.smnode.poet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TreeStore} as the reference server lays it out (spec 09 §3.5): one file {@code layercache_<h>.bin} per
 * layer, concatenated 32-byte nodes. Appends go through a per-layer buffer (the prover appends one node per hash,
 * a syscall each would dominate); {@link #flush} writes the buffers and forces them to disk. I/O failures are
 * unrecoverable for a round and surface as {@link UncheckedIOException}.
 */
public final class FileTreeStore implements TreeStore {
    private static final int BUFFER_NODES = 4096;

    private final Path dir;
    private final List<FileChannel> channels = new ArrayList<>();
    private final List<ByteBuffer> pending = new ArrayList<>();
    private final List<Long> widths = new ArrayList<>();

    /** Opens (or creates) the layer files under {@code dir}, picking up what an earlier run wrote. */
    public FileTreeStore(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            for (int h = 0; Files.exists(layerFile(h)); h++) {
                open(h);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String layerFileName(int height) {
        return "layercache_" + height + ".bin";
    }

    private Path layerFile(int height) {
        return dir.resolve(layerFileName(height));
    }

    private void open(int height) throws IOException {
        FileChannel ch = FileChannel.open(layerFile(height), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // A torn trailing node (crash mid-write) is not a node.
        long width = ch.size() / NODE_SIZE;
        ch.truncate(width * NODE_SIZE);
        channels.add(ch);
        pending.add(ByteBuffer.allocate(BUFFER_NODES * NODE_SIZE));
        widths.add(width);
    }

    @Override
    public void append(int height, byte[] node) {
        try {
            while (channels.size() <= height) {
                open(channels.size());
            }
            ByteBuffer buf = pending.get(height);
            if (!buf.hasRemaining()) {
                drain(height);
            }
            buf.put(node, 0, NODE_SIZE);
            widths.set(height, widths.get(height) + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drain(int height) throws IOException {
        ByteBuffer buf = pending.get(height);
        buf.flip();
        FileChannel ch = channels.get(height);
        long pos = ch.size();
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
        buf.clear();
    }

    @Override
    public long width(int height) {
        return height < widths.size() ? widths.get(height) : 0;
    }

    @Override
    public byte[] read(int height, long index) {
        requireStored(height, index);
        try {
            drain(height);
            ByteBuffer out = ByteBuffer.allocate(NODE_SIZE);
            long pos = index * NODE_SIZE;
            while (out.hasRemaining()) {
                int n = channels.get(height).read(out, pos + out.position());
                if (n < 0) {
                    throw new IOException("layer " + height + " ends before node " + index);
                }
            }
            return out.array();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void truncate(int height, long width) {
        if (height >= channels.size() || widths.get(height) <= width) {
            return;
        }
        try {
            drain(height);
            channels.get(height).truncate(width * NODE_SIZE);
            widths.set(height, width);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            for (int h = 0; h < channels.size(); h++) {
                drain(h);
                channels.get(h).force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
            for (FileChannel ch : channels) {
                ch.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
