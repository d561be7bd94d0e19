/**
 * PoST verification (spec 08 §3): full, one-index and K3-subset checks with a typed result per failed check; labels
 * are recomputed through a {@link io.smnode.post.label.LabelGeneratorFactory}.
 */
package io.smnode.post.verify;
