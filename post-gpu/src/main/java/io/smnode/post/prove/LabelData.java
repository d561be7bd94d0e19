package io.smnode.post.prove;

import java.io.IOException;

/** A set of label data that can be read again for each proving pass. */
@FunctionalInterface
public interface LabelData {
    /** A new pass from the first label. */
    LabelSource open() throws IOException;
}
