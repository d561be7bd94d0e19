package io.smnode.poet;

import io.smnode.core.verdict.Rule;

/** The checks a PoET proof message fetched from a peer ({@code hs/1}, hint {@code POETDB}) must pass. */
public enum PoetProofRule implements Rule {
    /** The bytes are not a {@code PoetProofMessage}. */
    MALFORMED,
    /** The message's proof is not the one asked for (its reference differs). */
    WRONG_REF,
    /** The proof does not prove sequential work over its statement. */
    INVALID_PROOF;

    @Override
    public String domain() {
        return "poet";
    }
}
