package io.smnode.activation.builder;

import io.smnode.core.codec.ScaleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps the state in one file. A save writes a temporary file beside it, forces it to disk, renames it over the old
 * file atomically and forces the directory, so a crash leaves either the old or the new state, never a torn one.
 */
public final class FileBuilderStateStore implements BuilderStateStore {
    private final Path file;
    private final Path temporary;

    public FileBuilderStateStore(Path file) {
        this.file = file.toAbsolutePath();
        this.temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
    }

    @Override
    public Optional<BuilderState> load() throws BuilderStateException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BuilderStateException("cannot read " + file, e);
        }
        try {
            return Optional.of(BuilderState.decode(bytes));
        } catch (ScaleException e) {
            throw new BuilderStateException("corrupt builder state in " + file, e);
        }
    }

    @Override
    public void save(BuilderState state) throws BuilderStateException {
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(state.encode());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new BuilderStateException("cannot save builder state to " + file, e);
        }
    }

    /** Makes the rename durable; some file systems do not let a directory be opened, and then the rename must do. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Not supported here (e.g. Windows); the atomic rename itself still holds.
        }
    }
}
