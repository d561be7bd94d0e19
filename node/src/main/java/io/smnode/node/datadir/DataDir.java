package io.smnode.node.datadir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A node's data directory, held exclusively while the node runs. Layout:
 * <pre>
 *   node.lock      OS file lock + the holder's pid; released by the OS even when the JVM is killed
 *   network.conf   the network this directory belongs to (genesis time, extra data, genesis id)
 *   state/         the LMDB environment (data.mdb, lock.mdb)
 * </pre>
 * The lock is a real OS lock (not a marker file), so a crashed node never leaves a stale lock behind.
 */
public final class DataDir implements AutoCloseable {
    static final String LOCK_FILE = "node.lock";
    static final String NETWORK_FILE = "network.conf";
    static final String STATE_DIR = "state";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and takes its lock. @throws DataDirException with one sentence */
    public static DataDir open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new DataDirException("cannot create data dir " + root + ": " + reason(e) + ".", e);
        }
        if (!Files.isDirectory(root) || !Files.isWritable(root)) {
            throw new DataDirException("data dir " + root + " is not a writable directory.");
        }
        Path lockPath = root.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DataDirException("cannot open lock file " + lockPath + ": " + reason(e) + ".", e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DataDirException("cannot lock " + lockPath + ": " + reason(e) + ".", e);
        }
        if (lock == null) {
            String holder = readHolder(lockPath);
            closeQuietly(channel);
            throw new DataDirException("data dir " + root + " is in use by another smnode" + holder
                    + "; stop it or choose another --data-dir.");
        }
        DataDir dataDir = new DataDir(root, channel, lock);
        dataDir.writePid();
        return dataDir;
    }

    public Path root() {
        return root;
    }

    /** Where the LMDB environment lives; created on first use. */
    public Path stateDir() {
        Path state = root.resolve(STATE_DIR);
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new DataDirException("cannot create " + state + ": " + reason(e) + ".", e);
        }
        return state;
    }

    public Path networkFile() {
        return root.resolve(NETWORK_FILE);
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // The OS drops the lock when the channel closes anyway.
        }
        closeQuietly(lockChannel);
    }

    private void writePid() {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap(pid), 0);
            lockChannel.force(false);
        } catch (IOException e) {
            // The lock is what matters; the pid is only a hint for the "in use" message.
        }
    }

    private static String readHolder(Path lockPath) {
        try {
            String pid = Files.readString(lockPath, StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "" : " (pid " + pid + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to do.
        }
    }
}
