package io.smnode.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes sure a data directory can hold a store before LMDB touches it, so an operator gets one clear sentence
 * ("... is not a directory") instead of a native error code.
 */
final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * @return the directory's real path (created if missing), so that two spellings of one directory, e.g. through
     *     a symbolic link, are recognised as the same store
     */
    static Path prepare(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataDirectoryException("Data directory " + dir + " is not a directory.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryException("Data directory " + dir + " does not exist and cannot be created ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ").");
        }
        if (!Files.isWritable(dir)) {
            throw new DataDirectoryException("Data directory " + dir + " is not writable.");
        }
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            throw new DataDirectoryException("Data directory " + dir + " cannot be resolved (" + e.getMessage() + ").");
        }
    }
}
