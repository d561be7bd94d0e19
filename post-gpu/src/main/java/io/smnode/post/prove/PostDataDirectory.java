package io.smnode.post.prove;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read-only access to the {@code postdata_<k>.bin} files of a PoST data directory (spec 08 §1.3), as post-rs
 * {@code read_data} sees them: files matching {@code ^postdata_(\d+)\.bin$} sorted by number, the i-th of them
 * (i = position in that order, not its number) starting at byte {@code i × maxFileSize}; at most
 * {@code maxFileSize} bytes are read from each; other files are ignored.
 */
public final class PostDataDirectory implements LabelData {
    private static final Pattern DATA_FILE = Pattern.compile("^postdata_(\\d+)\\.bin$");

    private final Path dir;
    private final long maxFileSize;

    /** @param maxFileSize the metadata's {@code MaxFileSize} in bytes (a multiple of 16) */
    public PostDataDirectory(Path dir, long maxFileSize) {
        if (maxFileSize <= 0 || maxFileSize % Batching.LABEL != 0) {
            throw new IllegalArgumentException("max file size must be a positive multiple of 16, got " + maxFileSize);
        }
        this.dir = dir;
        this.maxFileSize = maxFileSize;
    }

    /** The data files in reading order. */
    public List<Path> dataFiles() throws IOException {
        record Numbered(long number, Path path) {}
        List<Numbered> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = DATA_FILE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    parseU64(m.group(1)).ifPresent(n -> found.add(new Numbered(n, p)));
                }
            }
        }
        found.sort(Comparator.comparing(Numbered::number, Long::compareUnsigned));
        return found.stream().map(Numbered::path).toList();
    }

    /** Like Rust's {@code parse::<u64>()}: a number too large for 64 bits makes the file unmatched. */
    private static OptionalLong parseU64(String digits) {
        try {
            return OptionalLong.of(Long.parseUnsignedLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public LabelSource open() throws IOException {
        return new FileSource(dataFiles(), maxFileSize);
    }

    /** Reads files one after another; one open channel at a time. */
    private static final class FileSource implements LabelSource {
        private final List<Path> files;
        private final long maxFileSize;
        private int fileIndex = -1;
        private FileChannel channel;
        private long readInFile;
        private long first;

        FileSource(List<Path> files, long maxFileSize) {
            this.files = files;
            this.maxFileSize = maxFileSize;
        }

        @Override
        public int read(byte[] buffer) throws IOException {
            Batching.checkBuffer(buffer);
            while (true) {
                if (channel == null && !openNext()) {
                    return -1;
                }
                int n = fill(buffer, (int) Math.min(buffer.length, maxFileSize - readInFile));
                if (n > 0) {
                    first = (fileIndex * maxFileSize + readInFile) / Batching.LABEL;
                    readInFile += n;
                    return n;
                }
                channel.close();
                channel = null;
            }
        }

        private boolean openNext() throws IOException {
            if (fileIndex + 1 >= files.size()) {
                return false;
            }
            fileIndex++;
            channel = FileChannel.open(files.get(fileIndex), StandardOpenOption.READ);
            readInFile = 0;
            return true;
        }

        /** Reads up to {@code want} bytes, stopping early only at end of file. */
        private int fill(byte[] buffer, int want) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, want);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    break;
                }
            }
            return target.position();
        }

        @Override
        public long batchFirstLabel() {
            return first;
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        }
    }
}
