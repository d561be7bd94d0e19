package io.smnode.post.init;

import io.smnode.post.label.LabelGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code postdata_<k>.bin} files of one layout, written at known offsets: a batch always lands at the bytes its
 * label indices own, so rewriting a batch after a crash puts the same bytes in the same place and never touches
 * labels outside it. Public for PoST workers on other machines that write label ranges of an identity to their own
 * disk (the cluster's post role): the same layout code puts their bytes where a local initialization would.
 */
public final class DataFiles implements Closeable {
    private final Path dir;
    private final FileLayout layout;
    private final Map<Integer, FileChannel> open = new HashMap<>();

    public DataFiles(Path dir, FileLayout layout) {
        this.dir = dir;
        this.layout = layout;
    }

    /** Writes {@code count} labels from {@code labels[0..16·count)} starting at label {@code first}, then fsyncs. */
    public void write(long first, byte[] labels, int count) throws IOException {
        int done = 0;
        while (done < count) {
            long index = first + done;
            int k = layout.fileOf(index);
            long inFile = index - layout.firstLabel(k);
            int n = (int) Math.min(count - done, layout.labelsInFile(k) - inFile);
            FileChannel ch = channel(k);
            ByteBuffer buf = ByteBuffer.wrap(labels, done * LabelGenerator.LABEL_SIZE, n * LabelGenerator.LABEL_SIZE);
            long pos = inFile * LabelGenerator.LABEL_SIZE;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(false);
            done += n;
        }
    }

    private FileChannel channel(int k) throws IOException {
        FileChannel ch = open.get(k);
        if (ch == null) {
            Path file = dir.resolve(FileLayout.fileName(k));
            boolean existed = Files.exists(file);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (!existed) {
                AtomicFiles.syncDirectory(dir);
            }
            // Only the current file stays open: batches move forward through the files.
            close();
            open.put(k, ch);
        }
        return ch;
    }

    /** Removes data files numbered past the layout's last one (left by an earlier, larger configuration). */
    void removeRedundant() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                var m = FileLayout.DATA_FILE.matcher(p.getFileName().toString());
                if (m.matches() && (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) >= layout.numFiles())) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Cuts files that are longer than the layout says (bytes past a file's last label are not data). */
    void truncateOversized() throws IOException {
        for (int k = 0; k < layout.numFiles(); k++) {
            Path file = dir.resolve(FileLayout.fileName(k));
            if (Files.exists(file) && Files.size(file) > layout.fileSize(k)) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(layout.fileSize(k));
                    ch.force(true);
                }
            }
        }
    }

    /** Whether every file exists with exactly its layout size. */
    static boolean complete(Path dir, FileLayout layout) throws IOException {
        for (int k = 0; k < layout.numFiles(); k++) {
            Path file = dir.resolve(FileLayout.fileName(k));
            if (!Files.isRegularFile(file) || Files.size(file) != layout.fileSize(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel ch : open.values()) {
            try {
                ch.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
