package io.smnode.mesh.malfeasance;

import io.smnode.core.verdict.Rule;

/** The checks a malfeasance proof from gossip ({@code mp1}) can fail (spec 07 §5). */
public enum MalfeasanceRule implements Rule {
    /** Not a {@code MalfeasanceGossip} of a known proof type, or with an eligibility attached: reject. */
    MALFORMED,
    /** The proof does not prove anything (a signature, another smesher, layer or epoch, the same message): reject. */
    INVALID_PROOF,
    /** A proof against this identity is stored already: ignore. */
    KNOWN_OFFENDER;

    @Override
    public String domain() {
        return "malfeasance";
    }
}
