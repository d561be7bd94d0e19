/**
 * Activation transactions (spec 02): the ATX v1 wire format with its NIPoST, id and signature, the derived header,
 * the gossip validation checklist (with the PoET proof store and the ATX store as ports the node implements) and
 * the compact per-epoch {@link io.smnode.activation.AtxIndex} the handler answers weight and eligibility queries from.
 * The builder and handler actors live elsewhere.
 */
package io.smnode.activation;
