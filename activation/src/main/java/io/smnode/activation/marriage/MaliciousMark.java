package io.smnode.activation.marriage;

import io.smnode.core.types.Bytes;

/**
 * Why an identity is malicious: the domain and bytes of the proof against it (the domain proof inside a v2
 * envelope), or an empty proof when it was marked because another member of its set was proven malicious.
 *
 * @param domain the malfeasance v2 domain (1 = invalid activation); 0 with an empty proof
 */
public record MaliciousMark(int domain, Bytes proof) {
    public static final MaliciousMark THROUGH_SET = new MaliciousMark(0, Bytes.EMPTY);

    public boolean throughSet() {
        return proof.length() == 0;
    }
}
