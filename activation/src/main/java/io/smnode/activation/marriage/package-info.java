/**
 * Marriages and equivocation sets (spec 11 §4, §5.3 step 1): who married whom in which marriage ATX, the sets
 * married identities form (merged into the smallest set id), and the malicious flag that one member's malfeasance
 * spreads to its whole set. {@link io.smnode.activation.marriage.EquivocationSetStore} is the port the node
 * implements; {@link io.smnode.activation.marriage.EquivocationSets} decides what to write.
 */
package io.smnode.activation.marriage;
