package io.smnode.mesh.pipeline;

/**
 * What a fetch asks peers for, as the reference's hash-request hints name the databases (spec 07 §3). The answer
 * is the object's bytes, handed back to the intake of its kind.
 */
public enum Hint {
    BALLOT("ballotDB"),
    BLOCK("blocksDB"),
    PROPOSAL("proposalDB"),
    ATX("ATXDB"),
    TX("TXDB"),
    ACTIVE_SET("activeset"),
    /** A PoET proof message by its proof's reference: what an ATX's NIPoST names and a syncing node lacks. */
    POET("POETDB"),
    /** A malfeasance proof by the id of the identity it proves malicious (malfeasance sync, {@code ml/1}). */
    MALFEASANCE("malfeasance");

    private final String wireName;

    Hint(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
