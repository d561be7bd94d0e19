/**
 * The ATX builder of one identity (spec 02 §5) as a pure state machine: {@link io.smnode.activation.builder.AtxBuilder}
 * takes inputs (time, PoET replies, PoST results, the positioning ATX choice), returns what to do next and when, and
 * persists its state through a {@link io.smnode.activation.builder.BuilderStateStore} after every step.
 */
package io.smnode.activation.builder;
