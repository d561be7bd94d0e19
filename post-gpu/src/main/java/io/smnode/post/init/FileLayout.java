package io.smnode.post.init;

import io.smnode.post.label.LabelGenerator;
import java.util.regex.Pattern;

/**
 * How labels are split into files (spec 08 §1.3): label {@code i} lives at byte {@code 16·i} of the concatenation of
 * {@code postdata_0.bin, postdata_1.bin, ...}; every file holds {@code maxFileSize / 16} labels except possibly the
 * last, which holds the rest.
 */
public record FileLayout(long totalLabels, long maxFileSize) {
    /** What readers of a PoST directory accept as a data file name; group 1 is the file number. */
    public static final Pattern DATA_FILE = Pattern.compile("^postdata_(\\d+)\\.bin$");

    public FileLayout {
        if (totalLabels < 1) {
            throw new IllegalArgumentException("total labels must be at least 1, got " + totalLabels);
        }
        if (maxFileSize < LabelGenerator.LABEL_SIZE || maxFileSize % LabelGenerator.LABEL_SIZE != 0) {
            throw new IllegalArgumentException("max file size must be a positive multiple of 16, got " + maxFileSize);
        }
        if (totalLabels > Long.MAX_VALUE / LabelGenerator.LABEL_SIZE) {
            throw new IllegalArgumentException("too many labels: " + totalLabels);
        }
    }

    public long labelsPerFile() {
        return maxFileSize / LabelGenerator.LABEL_SIZE;
    }

    public long totalBytes() {
        return totalLabels * LabelGenerator.LABEL_SIZE;
    }

    /** {@code ceil(total bytes / max file size)}. */
    public int numFiles() {
        return Math.toIntExact((totalLabels + labelsPerFile() - 1) / labelsPerFile());
    }

    /** The number of labels file {@code k} holds; 0 for a file past the last one. */
    public long labelsInFile(int k) {
        long first = firstLabel(k);
        return first >= totalLabels ? 0 : Math.min(labelsPerFile(), totalLabels - first);
    }

    /** The size file {@code k} has once initialized. */
    public long fileSize(int k) {
        return labelsInFile(k) * LabelGenerator.LABEL_SIZE;
    }

    /** The index of the first label of file {@code k}. */
    public long firstLabel(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("negative file number " + k);
        }
        return k * labelsPerFile();
    }

    /** The file that holds label {@code index}. */
    public int fileOf(long index) {
        return Math.toIntExact(index / labelsPerFile());
    }

    public static String fileName(int k) {
        return "postdata_" + k + ".bin";
    }
}
