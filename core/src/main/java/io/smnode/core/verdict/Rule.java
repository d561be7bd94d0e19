package io.smnode.core.verdict;

/**
 * A named check that a message can fail. Each protocol keeps its rules in one enum (ATX, ballot, beacon, hare, ...)
 * that implements this interface, so a verdict says exactly which check failed and a metric can count it by
 * {@code domain/name} without knowing the protocol.
 */
public interface Rule {
    /** The protocol the rule belongs to, lower case ({@code "atx"}, {@code "ballot"}, {@code "wire"}). */
    String domain();

    /** The rule's constant name (enums provide it). */
    String name();

    /** {@code domain/name}, e.g. {@code atx/SIGNATURE}. */
    default String qualifiedName() {
        return domain() + "/" + name();
    }
}
