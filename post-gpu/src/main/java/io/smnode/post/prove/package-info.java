/**
 * PoST proving (spec 08 §2): the AES 8/56 label test streamed over label data, index compression and the proof
 * record. Label data is read through {@link io.smnode.post.prove.LabelSource} (files or memory).
 */
package io.smnode.post.prove;
