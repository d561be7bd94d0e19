package io.smnode.core.codec;

import java.util.Arrays;

/**
 * The stack of field names and element indexes a reader or writer is inside, kept as two parallel arrays so that
 * entering a field or element costs no allocation; the dotted text is only built when an error is reported.
 */
final class FieldPath {
    private static final int ELEMENT = -1;

    private String[] names = new String[8];
    private int[] indexes = new int[8];
    private int depth;

    void enterField(String name) {
        push(name, ELEMENT);
    }

    void enterElement(int index) {
        push(null, index);
    }

    void leave() {
        depth--;
        names[depth] = null;
    }

    private void push(String name, int index) {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
        names[depth] = name;
        indexes[depth] = index;
        depth++;
    }

    /** e.g. {@code Spend.Body.Slice[2].Val}. */
    String render() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (names[i] == null) {
                sb.append('[').append(indexes[i]).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(names[i]);
            }
        }
        return sb.toString();
    }
}
